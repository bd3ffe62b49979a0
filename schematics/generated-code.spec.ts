import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import * as ts from 'typescript';
import { nestApp, runner } from './testing/host-tree';

const ROOT = join(__dirname, '..');

/** Every diagnostic of `files` compiled strictly against the package's source, as `file:line: message`. */
function typeCheck(dir: string, files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    isolatedModules: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node20,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules', '@types')],
    // The package as its source, and its peers where the package has them installed.
    paths: {
      mindoff: [join(ROOT, 'lib', 'index.ts')],
      '@nestjs/*': [join(ROOT, 'node_modules', '@nestjs', '*')],
    },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return message;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${relative(dir, d.file.fileName)}:${line + 1}: ${message}`;
  });
}

describe('generated code', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mindoff-generated-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compiles strictly against the package: typed run(ctx), path parameters, queue mode, versions', async () => {
    const run = runner();
    let tree = await run.runSchematic('nest-add', {}, nestApp('cjs'));
    tree = await run.runSchematic('api', { name: 'orders/create_order' }, tree);
    tree = await run.runSchematic(
      'api',
      { name: 'orders/get_order', url: 'get_order/<int:order_id>/:line, :order_id/:line' },
      tree,
    );
    tree = await run.runSchematic('api', { name: 'jobs/export_orders', type: 'queue' }, tree);
    tree = await run.runSchematic(
      'version',
      { name: 'orders/get_order', sunset: '2027-06-30' },
      tree,
    );
    const sources = tree.files.filter(
      (path) => /^\/src\/(orders|jobs)\//.test(path) && !path.endsWith('.spec.ts'),
    );
    for (const path of sources) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), tree.readText(path));
    }
    writeFileSync(join(dir, 'package.json'), '{ "type": "commonjs" }\n');
    expect(sources).toContain('/src/orders/get-order/get-order.v2.api.ts');
    expect(tree.readText('/src/orders/get-order/get-order.v1.api.ts')).toContain(
      'interface Params {\n  order_id: number;\n  line: string;\n}',
    );
    expect(
      typeCheck(
        dir,
        sources.map((path) => join(dir, path)),
      ),
    ).toEqual([]);
  });
});
