// The build's last step: copies each schematic's templates (schematics/<name>/files/) beside its
// compiled factory, where url('./files') reads them, since tsc copies only what it compiles.
// Usage: node schematics/copy-files.mjs [outDir], outDir defaulting to dist/schematics.
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const schematics = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(process.argv[2] ?? join(schematics, '..', 'dist', 'schematics'));

for (const name of readdirSync(schematics)) {
  const files = join(schematics, name, 'files');
  if (!existsSync(files)) continue;
  const target = join(outDir, name, 'files');
  rmSync(target, { recursive: true, force: true });
  cpSync(files, target, { recursive: true });
}
