// The one build of the package, used by `npm run build`, `npm pack` (prepack) and the package
// spec: removes dist/ and compiles it from clean. Writes dist/ (CommonJS with declarations),
// dist/client-esm/ (mindoff/client as plain ES modules for browsers without a bundler) and
// dist/schematics/ (the Nest CLI schematics with their templates).
// Usage: node scripts/build.mjs [outRoot], outRoot (where dist/ goes) defaulting to the repository.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(resolve(process.argv[2] ?? root), 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Runs `node ...args` in the repository, printing what it prints; rejects when it fails. */
function node(...args) {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code, signal) =>
      code === 0 ? done() : fail(new Error(`node ${args.join(' ')} ended with ${signal ?? code}`)),
    );
  });
}

rmSync(dist, { recursive: true, force: true });
try {
  await Promise.all([
    node(tsc, '-p', 'tsconfig.build.json', '--outDir', dist),
    node(tsc, '-p', 'lib/client/tsconfig.esm.json', '--outDir', join(dist, 'client-esm')),
    node(tsc, '-p', 'schematics/tsconfig.build.json', '--outDir', join(dist, 'schematics')),
  ]);
  await node(join(root, 'schematics', 'copy-files.mjs'), join(dist, 'schematics'));
} catch (error) {
  console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
