import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTION, nestApp, runner, snapshot } from './testing/host-tree';

const ROOT = join(__dirname, '..');

interface CollectionJson {
  extends: string[];
  schematics: Record<string, { factory: string; schema: string; description: string }>;
}

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as CollectionJson;

/** Every file under `dir`, as paths relative to it. */
const listing = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();

/** What `nest g -c mindoff <schematic> <name>` passes besides the name and `--type`. */
const NEST_CLI_OPTIONS = {
  collection: 'mindoff',
  project: 'shop',
  skipImport: false,
  language: 'ts',
  sourceRoot: 'src',
  spec: true,
  flat: false,
  specFileSuffix: 'spec',
  format: false,
};

describe('the collection', () => {
  const published = read(join(ROOT, 'collection.json'));
  const tested = read(COLLECTION);

  it('is what package.json publishes as its schematics', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      schematics: string;
      files: string[];
    };
    expect(pkg.schematics).toBe('./collection.json');
    expect(pkg.files).toEqual(
      expect.arrayContaining(['dist', 'collection.json', 'schematics/*/schema.json']),
    );
  });

  it('has nest-add, app, api and version, extending @nestjs/schematics', () => {
    expect(Object.keys(published.schematics)).toEqual(['nest-add', 'app', 'api', 'version']);
    expect(published.extends).toEqual(['@nestjs/schematics']);
  });

  it('matches the one the specs run, with factories compiled to dist/schematics', () => {
    expect(tested.extends).toEqual(published.extends);
    for (const [name, entry] of Object.entries(published.schematics)) {
      expect(entry.factory).toBe(`./dist/schematics/${name}/${name}.factory#main`);
      expect(entry.schema).toBe(`./schematics/${name}/schema.json`);
      expect(tested.schematics[name]).toEqual({
        factory: `../${name}/${name}.factory#main`,
        schema: `../${name}/schema.json`,
        description: entry.description,
      });
      expect(existsSync(join(ROOT, entry.schema))).toBe(true);
      expect(existsSync(join(ROOT, 'schematics', name, `${name}.factory.ts`))).toBe(true);
    }
  });

  it("keeps Nest's own schematics reachable, so nest g controller still works", async () => {
    const tree = await runner().runSchematic('controller', { name: 'health' }, nestApp('cjs'));
    expect(tree.exists('/src/health/health.controller.ts')).toBe(true);
  });

  it("runs its own app schematic, not Nest's sub-app (whose alias is app)", async () => {
    const tree = await runner().runSchematic('app', { name: 'orders' }, nestApp('cjs'));
    expect(tree.exists('/src/orders/orders.module.ts')).toBe(true);
  });

  it('takes every option the Nest CLI passes to app, api and version', async () => {
    const run = runner();
    let tree = await run.runSchematic('app', { name: 'orders', ...NEST_CLI_OPTIONS }, nestApp());
    tree = await run.runSchematic(
      'api',
      { name: 'orders/create_order', type: 'queue', ...NEST_CLI_OPTIONS },
      tree,
    );
    tree = await run.runSchematic(
      'version',
      { name: 'orders/create_order', type: 'queue', ...NEST_CLI_OPTIONS },
      tree,
    );
    expect(tree.exists('/src/orders/create-order/create-order.v2.api.ts')).toBe(true);
  });

  it.each([
    ['app', 'orders'],
    ['api', 'orders/create_order'],
    ['version', 'orders/create_order'],
  ])('refuses --crud in %s, naming it as an option it does not take', async (schematic, name) => {
    const tree = nestApp();
    const before = snapshot(tree);
    await expect(runner().runSchematic(schematic, { name, crud: true }, tree)).rejects.toThrow(
      'must NOT have additional properties(crud).',
    );
    expect(snapshot(tree)).toEqual(before);
  });

  it('ships its templates: the build copies each files/ folder beside its compiled factory', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const script = /^node (scripts\/[\w-]+\.mjs)$/.exec(pkg.scripts.build)?.[1];
    const build = script ? readFileSync(join(ROOT, script), 'utf8') : pkg.scripts.build;
    expect(build).toMatch(/'schematics', 'copy-files\.mjs'|node schematics\/copy-files\.mjs/);
    const out = mkdtempSync(join(tmpdir(), 'mindoff-schematics-'));
    try {
      execFileSync(process.execPath, [join(__dirname, 'copy-files.mjs'), out]);
      const templated = ['api', 'app', 'nest-add'];
      expect(readdirSync(out).sort()).toEqual(templated);
      for (const name of templated) {
        const files = join(__dirname, name, 'files');
        expect(listing(join(out, name, 'files'))).toEqual(listing(files));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
