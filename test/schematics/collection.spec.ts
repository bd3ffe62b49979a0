import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nestApp, runner } from './support/host-tree';

const ROOT = join(__dirname, '..', '..');

interface CollectionJson {
  extends: string[];
  schematics: Record<string, { factory: string; schema: string; description: string }>;
}

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as CollectionJson;

describe('the collection', () => {
  const published = read(join(ROOT, 'collection.json'));
  const tested = read(join(__dirname, 'collection.json'));

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
      expect(entry.factory).toBe(`./dist/schematics/${name}/index#main`);
      expect(entry.schema).toBe(`./schematics/${name}/schema.json`);
      expect(tested.schematics[name]).toEqual({
        factory: `../../schematics/${name}/index#main`,
        schema: `../../schematics/${name}/schema.json`,
        description: entry.description,
      });
      expect(existsSync(join(ROOT, entry.schema))).toBe(true);
      expect(existsSync(join(ROOT, 'schematics', name, 'index.ts'))).toBe(true);
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
});
