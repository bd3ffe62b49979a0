import { NodeWorkflow } from '@angular-devkit/schematics/tools';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { lastValueFrom } from 'rxjs';
import { COLLECTION, appModule } from './testing/host-tree';

/** Every file under `dir` with its text. */
function files(dir: string, root = dir): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(found, files(path, root));
    else found[relative(root, path)] = readFileSync(path, 'utf8');
  }
  return found;
}

function write(dir: string, tree: Record<string, string>): void {
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

function run(dir: string, schematic: string, options: object): Promise<void> {
  const workflow = new NodeWorkflow(dir, { dryRun: false, force: false });
  return lastValueFrom(workflow.execute({ collection: COLLECTION, schematic, options }), {
    defaultValue: undefined,
  });
}

describe('a failed run on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mindoff-schematic-'));
    write(dir, {
      'package.json': '{ "name": "shop", "type": "module" }\n',
      'src/app.module.ts': appModule(true),
      // An app module mindoff cannot edit: the api schematic fails after writing its files to the tree.
      'src/orders/orders.module.ts':
        '/** The `orders` app */\nconst meta = { imports: [] };\n@Module(meta)\nexport class OrdersModule {}\n',
    });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes nothing: the files the schematic created before failing never reach the disk', async () => {
    const before = files(dir);
    await expect(run(dir, 'api', { name: 'orders/create_order' })).rejects.toThrow(
      'src/orders/orders.module.ts has no @Module({ ... }) with an object literal',
    );
    expect(files(dir)).toEqual(before);
  });

  it('writes everything when it succeeds', async () => {
    await run(dir, 'api', { name: 'jobs/generate_report' });
    expect(
      Object.keys(files(dir))
        .filter((path) => path.startsWith('src/jobs/'))
        .sort(),
    ).toEqual([
      'src/jobs/generate-report/generate-report.v1.api.spec.ts',
      'src/jobs/generate-report/generate-report.v1.api.ts',
      'src/jobs/generate-report/generate-report.versions.spec.ts',
      'src/jobs/generate-report/generate-report.versions.ts',
      'src/jobs/jobs.module.ts',
    ]);
  });
});
