import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const json = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

describe('the mindoff executable of the package', () => {
  it('is the bin "mindoff", the file the build compiles from lib/cli/mindoff.ts', () => {
    const { bin, files } = json('package.json');
    const build = json('tsconfig.build.json').compilerOptions;
    const compiled = join(build.outDir, relative(build.rootDir, 'lib/cli/mindoff.ts')).replace(
      /\.ts$/,
      '.js',
    );
    expect(bin).toEqual({ mindoff: compiled });
    expect(compiled).toBe('dist/cli/mindoff.js');
    expect(files).toContain('dist');
  });

  it('starts with a node shebang, which the compiler keeps', () => {
    expect(readFileSync(join(__dirname, 'mindoff.ts'), 'utf8').split('\n')[0]).toBe(
      '#!/usr/bin/env node',
    );
  });
});
