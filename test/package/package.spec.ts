import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { isBuiltin } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import * as source from '../../lib/index';
import * as sourceClient from '../../lib/client/index';
import * as sourceTesting from '../../lib/testing/index';
import { packLibrary } from '../support/pack-library';
import { mustRun, run } from '../support/shell';

/**
 * The package as npm users get it: `npm pack` (whose prepack builds from clean), the tarball
 * installed in a fresh app beside the real peers, its three entry points loaded with require()
 * and import, a consumer typechecked under each resolution users have, and the tarball passed
 * through publint and Are the Types Wrong.
 */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin');
const ENTRIES = ['mindoff', 'mindoff/testing', 'mindoff/client'] as const;
const STALE = 'removed-module.js';

/**
 * The peers a consumer of the three entry points installs, at the versions the specs run: the
 * required ones, @nestjs/testing (mindoff/testing) and the optional ones the declarations name
 * (ioredis, @nestjs/swagger), since the consumer is checked without skipLibCheck.
 */
const PEERS = [
  '@nestjs/common',
  '@nestjs/core',
  '@nestjs/testing',
  '@nestjs/throttler',
  '@nestjs/swagger',
  'ioredis',
  'reflect-metadata',
  'rxjs',
  '@types/node',
];

// Packing builds the library; installing reads npm's cache first. Both take a while on a busy machine.
jest.setTimeout(120_000);

let dir: string;
let tarball: string;
let app: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mindoff-package-'));
  // A build of a module since removed, as an old dist/ holds it: the clean build drops it.
  tarball = await packLibrary(dir, (stage) => {
    mkdirSync(join(stage, 'dist'), { recursive: true });
    writeFileSync(join(stage, 'dist', STALE), 'module.exports = {};\n');
  });
  app = join(dir, 'consumer');
  mkdirSync(app);
  const installed = (name: string): string =>
    (
      JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  writeJson(join(app, 'package.json'), {
    name: 'consumer',
    private: true,
    dependencies: Object.fromEntries([
      ['mindoff', `file:${tarball}`],
      ...PEERS.map((name) => [name, installed(name)]),
    ]),
  });
  await mustRun('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], app);
  writeConsumer(app);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds the build from clean, the manifest and the schematics, and nothing test-only', () => {
    const installed = join(app, 'node_modules', 'mindoff');
    const files = walk(installed).map((file) => relative(installed, file));
    expect(files).not.toContain(`dist/${STALE}`);
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'collection.json',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/testing/index.js',
        'dist/testing/index.d.ts',
        'dist/client/index.js',
        'dist/client/index.d.ts',
        'dist/client-esm/index.js',
        'dist/cli/mindoff.js',
        'dist/schematics/api/api.factory.js',
        'schematics/api/schema.json',
      ]),
    );
    const testOnly = files.filter((file) =>
      /\.spec\.|__snapshots__|public-api\.report|fixtures|ora\.stub|^(lib|test|scripts)\//.test(
        file,
      ),
    );
    expect(testOnly).toEqual([]);
    // Outside dist/: the manifest, the docs npm shows, the licence, and each schematic's schema the collection names.
    const collection = JSON.parse(readFileSync(join(installed, 'collection.json'), 'utf8')) as {
      schematics: Record<string, { schema: string }>;
    };
    const schemas = Object.values(collection.schematics).map(({ schema }) => relative('.', schema));
    expect(files.filter((file) => !file.startsWith('dist/')).sort()).toEqual(
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'collection.json',
        'package.json',
        ...schemas,
      ].sort(),
    );
  });

  it('carries the source of every source map: no map names a file the package does not hold', () => {
    const installed = join(app, 'node_modules', 'mindoff');
    const maps = walk(installed).filter((file) => file.endsWith('.js.map'));
    expect(maps.length).toBeGreaterThan(50);
    const missing = maps.flatMap((file) => {
      const map = JSON.parse(readFileSync(file, 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      return map.sources
        .filter(
          (source, i) =>
            typeof map.sourcesContent?.[i] !== 'string' && !existsSync(join(dirname(file), source)),
        )
        .map((source) => `${relative(installed, file)} -> ${source}`);
    });
    expect(missing).toEqual([]);
  });

  it('loads only packages it declares, and no test tool (typescript only in the schematics, as the Nest CLI runs them)', () => {
    const installed = join(app, 'node_modules', 'mindoff');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
    };
    const declared = new Set([
      ...Object.keys(manifest.dependencies),
      ...Object.keys(manifest.peerDependencies),
    ]);
    const loads = walk(join(installed, 'dist'))
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) =>
        packagesLoadedBy(readFileSync(file, 'utf8')).map((name) => ({
          file: relative(installed, file),
          name,
        })),
      );
    expect(loads.length).toBeGreaterThan(0);
    expect(loads.filter(({ name }) => !declared.has(name))).toEqual([]);
    const testTools = /^(jest|@jest\/.*|@swc\/.*|fast-check|ts-node|typescript)$/;
    expect(
      loads.filter(
        ({ file, name }) =>
          testTools.test(name) && !(name === 'typescript' && file.startsWith('dist/schematics/')),
      ),
    ).toEqual([]);
  });

  it('loads each entry point with require() from CommonJS, with the exports of the source', async () => {
    expect(await nodeJson(app, 'load.cjs')).toEqual(sourceExports());
  });

  it('loads each entry point with import from an ES module, the same objects as require() gives', async () => {
    expect(await nodeJson(app, 'load.mjs')).toEqual({ ...sourceExports(), sameAsRequire: true });
  });

  it.each(['node16', 'nodenext', 'bundler'])(
    'typechecks a strict consumer under %s resolution',
    async (resolution) => {
      const ran = await run(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
          '-p',
          `tsconfig.${resolution}.json`,
        ],
        app,
      );
      expect(ran.output).toBe('');
      expect(ran.code).toBe(0);
    },
  );

  it('passes publint on the tarball, suggestions included', async () => {
    const ran = await run(join(BIN, 'publint'), ['run', tarball, '--level', 'suggestion'], dir);
    expect(ran.output).not.toMatch(/Suggestions:|Warnings:|Errors:/);
    expect(ran.code).toBe(0);
  });

  it('passes Are the Types Wrong on the tarball (every resolution, every entry point)', async () => {
    const ran = await run(join(BIN, 'attw'), [tarball, '--format', 'ascii', '--no-color'], dir);
    expect(ran.output).toContain('No problems found');
    expect(ran.code).toBe(0);
  });
});

/** Each entry point's runtime export names, as the source has them. */
function sourceExports(): Record<string, string[]> {
  return {
    mindoff: Object.keys(source).sort(),
    'mindoff/testing': Object.keys(sourceTesting).sort(),
    'mindoff/client': Object.keys(sourceClient).sort(),
  };
}

/** The packages (not Node's own modules) a compiled file loads with require() or import(). */
function packagesLoadedBy(code: string): string[] {
  return [...code.matchAll(/\b(?:require|import)\("([^".][^"]*)"\)/g)]
    .map(([, specifier]) => specifier)
    .filter((specifier) => !isBuiltin(specifier))
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

/** Runs a script of the consumer and parses the JSON it prints (stdout only: Node may warn). */
async function nodeJson(cwd: string, script: string): Promise<unknown> {
  const { stdout } = await promisify(execFile)(process.execPath, [script], { cwd });
  return JSON.parse(stdout) as unknown;
}

/**
 * The consumer's scripts and sources: the same code as CommonJS (`.cts`) and as an ES module
 * (`.mts`) under node16 and nodenext, and as a bundler's module under bundler.
 */
function writeConsumer(app: string): void {
  const entries = JSON.stringify(ENTRIES);
  const names = "Object.keys(m).filter((k) => k !== 'default' && k !== '__esModule').sort()";
  writeFileSync(
    join(app, 'load.cjs'),
    `const out = {};\nfor (const e of ${entries}) { const m = require(e); out[e] = ${names}; }\nconsole.log(JSON.stringify(out));\n`,
  );
  writeFileSync(
    join(app, 'load.mjs'),
    [
      "import { createRequire } from 'node:module';",
      'const require = createRequire(import.meta.url);',
      'const out = { sameAsRequire: true };',
      `for (const e of ${entries}) {`,
      '  const m = await import(e);',
      `  out[e] = ${names};`,
      '  const cjs = require(e);',
      '  if (!out[e].every((k) => m[k] === cjs[k])) out.sameAsRequire = false;',
      '}',
      'console.log(JSON.stringify(out));',
      '',
    ].join('\n'),
  );
  const consumer = [
    "import { Int, MindoffModule, type MindoffModuleOptions } from 'mindoff';",
    "import { createTestApp, type MindoffTestApp } from 'mindoff/testing';",
    "import { createMindoffClient, MindoffClientError, type MindoffClientOptions } from 'mindoff/client';",
    '',
    "const options: MindoffModuleOptions = { responsesPath: 'config/responses.csv' };",
    'export const root = MindoffModule.forRoot(options);',
    'export const started: () => Promise<MindoffTestApp> = () => createTestApp(root);',
    "export const client = createMindoffClient({ baseUrl: 'http://127.0.0.1:3000' });",
    'export const isClientError = (error: unknown): boolean => error instanceof MindoffClientError;',
    'export const schema = { quantity: Int };',
    '// @ts-expect-error the types are read, not any: baseUrl is a string',
    'export const wrong: MindoffClientOptions = { baseUrl: 42 };',
    '// @ts-expect-error responsesPath is a string',
    'export const wrongToo: MindoffModuleOptions = { responsesPath: 42 };',
    '',
  ].join('\n');
  for (const file of ['consumer.cts', 'consumer.mts', 'consumer.ts']) {
    writeFileSync(join(app, file), consumer);
  }
  const strict = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: 'ES2022',
    types: ['node'],
    experimentalDecorators: true,
  };
  writeJson(join(app, 'tsconfig.node16.json'), {
    compilerOptions: { ...strict, module: 'node20', moduleResolution: 'node16' },
    files: ['consumer.cts', 'consumer.mts'],
  });
  writeJson(join(app, 'tsconfig.nodenext.json'), {
    compilerOptions: { ...strict, module: 'nodenext', moduleResolution: 'nodenext' },
    files: ['consumer.cts', 'consumer.mts'],
  });
  writeJson(join(app, 'tsconfig.bundler.json'), {
    compilerOptions: { ...strict, module: 'preserve', moduleResolution: 'bundler' },
    files: ['consumer.ts'],
  });
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Every file under `dir` (node_modules left out). */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}
