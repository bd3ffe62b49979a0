import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mustRun } from './shell';

const ROOT = join(__dirname, '..', '..', '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * Builds the library from the working tree into `dir/package` (the repository's own dist/ is
 * left alone) and packs it with `npm pack`, as it would be published. Returns the tarball's path.
 */
export async function packLibrary(dir: string): Promise<string> {
  const stage = join(dir, 'package');
  mkdirSync(stage, { recursive: true });
  for (const file of ['package.json', 'collection.json', 'README.md']) {
    cpSync(join(ROOT, file), join(stage, file));
  }
  for (const name of readdirSync(join(ROOT, 'schematics'))) {
    const schema = join('schematics', name, 'schema.json');
    if (existsSync(join(ROOT, schema))) cpSync(join(ROOT, schema), join(stage, schema));
  }
  await Promise.all([
    mustRun(
      process.execPath,
      [TSC, '-p', 'tsconfig.build.json', '--outDir', join(stage, 'dist')],
      ROOT,
    ),
    mustRun(
      process.execPath,
      [TSC, '-p', 'schematics/tsconfig.build.json', '--outDir', join(stage, 'dist', 'schematics')],
      ROOT,
    ),
  ]);
  await mustRun(
    process.execPath,
    [join(ROOT, 'schematics', 'copy-files.mjs'), join(stage, 'dist', 'schematics')],
    ROOT,
  );
  await mustRun('npm', ['pack', '--pack-destination', dir], stage);
  const { name, version } = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return join(dir, `${name}-${version}.tgz`);
}
