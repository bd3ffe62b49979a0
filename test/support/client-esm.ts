import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Builds the ES module version of `mindoff/client` into dist/client-esm (what `npm run build`
 * does), so a browser spec loads the client as it is now.
 *
 * @example
 * beforeAll(() => buildClientEsm());
 */
export function buildClientEsm(): void {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(ROOT, 'lib', 'client', 'tsconfig.esm.json'),
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
}
