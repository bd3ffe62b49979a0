import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { mustRun } from './shell';

const ROOT = join(__dirname, '..', '..');

/** What `npm pack` reads in the repository: the manifest, the files it ships and the build's sources. */
const PACKED_FROM = [
  'package.json',
  'collection.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts',
  'lib',
  'schematics',
];

/**
 * Packs the library from the working tree as it is published: a copy of its sources in
 * `dir/package` (the repository's own dist/ is left alone), where `npm pack` runs the package's
 * prepack (`npm run build`, from clean) and writes the tarball into `dir`. Returns its path.
 * `beforePack` may change the copy first (the package spec leaves a stale build in its dist/).
 */
export async function packLibrary(
  dir: string,
  beforePack: (stage: string) => void = () => undefined,
): Promise<string> {
  const stage = join(dir, 'package');
  mkdirSync(stage, { recursive: true });
  for (const entry of PACKED_FROM) {
    if (existsSync(join(ROOT, entry))) {
      cpSync(join(ROOT, entry), join(stage, entry), { recursive: true });
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(stage, 'node_modules'), 'dir');
  beforePack(stage);
  await mustRun('npm', ['pack', '--pack-destination', dir], stage);
  const { name, version } = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return join(dir, `${name}-${version}.tgz`);
}
