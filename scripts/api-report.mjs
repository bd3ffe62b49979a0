// The API reports of the three entry points (etc/mindoff.api.md, etc/mindoff-testing.api.md,
// etc/mindoff-client.api.md), made by API Extractor from the declarations the build publishes:
// every exported name with its full type, so a renamed, retyped or removed option changes them.
// `node scripts/api-report.mjs` (npm run api:check) fails, showing the difference, when a report
// differs from the source; `--update` (npm run api:update) rewrites the reports instead: do it on
// purpose, and describe the change in a changeset. The declarations are built into a temporary
// folder (dist/ is left alone).
import { CompilerState, Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const update = process.argv.includes('--update');
const ENTRIES = [
  { entry: 'index.d.ts', report: 'mindoff' },
  { entry: 'testing/index.d.ts', report: 'mindoff-testing' },
  { entry: 'client/index.d.ts', report: 'mindoff-client' },
];

// Outside node_modules, which API Extractor takes for other packages; the peers resolve through a link.
const temp = mkdtempSync(join(tmpdir(), 'mindoff-api-'));
try {
  symlinkSync(join(root, 'node_modules'), join(temp, 'node_modules'), 'dir');
  if (buildDeclarations(join(temp, 'dist'))) report(join(temp, 'dist'), join(temp, 'report'));
} finally {
  rmSync(temp, { recursive: true, force: true });
}

/** The published declarations (stripInternal), without the type check `npm run typecheck` does. */
function buildDeclarations(outDir) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const args = ['-p', 'tsconfig.build.json', '--emitDeclarationOnly', '--noCheck'];
  const built = spawnSync(
    process.execPath,
    [tsc, ...args, '--declarationMap', 'false', '--outDir', outDir],
    { cwd: root, stdio: 'inherit' },
  );
  if (built.status === 0) return true;
  process.exitCode = built.status ?? 1;
  return false;
}

function report(dist, made) {
  const configFile = join(root, 'api-extractor.json');
  const base = ExtractorConfig.loadFile(configFile);
  const changed = [];
  const files = ENTRIES.map(({ entry }) => join(dist, entry));
  let compilerState; // one program for the three entry points
  for (const [i, { report }] of ENTRIES.entries()) {
    const file = files[i];
    const config = ExtractorConfig.prepare({
      configObject: {
        ...base,
        mainEntryPointFilePath: file,
        compiler: {
          ...base.compiler,
          overrideTsconfig: { ...base.compiler.overrideTsconfig, files: [file] },
        },
        apiReport: { ...base.apiReport, reportFileName: report, reportTempFolder: made },
      },
      configObjectFullPath: configFile,
      packageJsonFullPath: join(root, 'package.json'),
    });
    compilerState ??= CompilerState.create(config, { additionalEntryPoints: files });
    const result = Extractor.invoke(config, {
      localBuild: update,
      compilerState,
      messageCallback: quiet,
    });
    if (result.errorCount > 0) {
      console.error(`api-report: ${report}: ${result.errorCount} error(s)`);
      process.exitCode = 1;
    }
    if (!result.apiReportChanged) continue;
    changed.push(`etc/${report}.api.md`);
    if (!update) {
      const args = [
        'diff',
        '--no-index',
        '--',
        `etc/${report}.api.md`,
        join(made, `${report}.api.md`),
      ];
      spawnSync('git', args, { cwd: root, stdio: 'inherit' });
    }
  }
  if (changed.length === 0) return;
  if (update) {
    console.log(`api-report: updated ${changed.join(', ')}`);
    return;
  }
  console.error(
    `api-report: the public API differs from ${changed.join(', ')} (above). If the change is on purpose, run npm run api:update and describe it in a changeset.`,
  );
  process.exitCode = 1;
}

/** API Extractor's console notes (versions, files copied, reports changed): this script says what matters. */
function quiet(message) {
  if (message.category === 'console' && message.logLevel !== 'error') message.handled = true;
}
