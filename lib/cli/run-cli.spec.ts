import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from './cli-io';
import { CLIENT_USAGE } from './client-command.args';
import { runCli, USAGE } from './run-cli';

const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'Shop', version: '1.0.0' },
  paths: {
    '/v1/shop/get_profile/': { get: { operationId: 'shop__get_profile_v1', responses: {} } },
    '/v1/jobs/report/': {
      post: {
        operationId: 'jobs__report_v1',
        responses: {
          '200': {
            description: 'queued',
            content: { 'application/json': { examples: { QUEUED: {} } } },
          },
        },
      },
    },
    '/v1/files/upload/': {
      post: {
        operationId: 'files__upload_v1',
        requestBody: {
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { avatar: { type: 'string', format: 'binary' } },
              },
            },
          },
        },
        responses: {},
      },
    },
    '/v1/a/{bad-name}/': { get: { operationId: 'a__b_v1', responses: {} } },
  },
};

describe('the mindoff command line', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  let io: CliIo;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mindoff-cli-'));
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(DOCUMENT));
    out = [];
    err = [];
    io = {
      cwd: dir,
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      fetch: () => Promise.resolve(new Response(JSON.stringify(DOCUMENT))),
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints its usage for --help (exit 0) and when given nothing (exit 1)', async () => {
    await expect(runCli(['--help'], io)).resolves.toBe(0);
    expect(out).toEqual([USAGE]);
    await expect(runCli([], io)).resolves.toBe(1);
    expect(err).toEqual([USAGE]);
    await expect(runCli(['client', '--help'], io)).resolves.toBe(0);
    expect(out[1]).toBe(CLIENT_USAGE);
  });

  it('refuses an unknown command with exit code 1', async () => {
    await expect(runCli(['toString'], io)).resolves.toBe(1);
    expect(err.join('')).toContain('mindoff: unknown command "toString".');
  });

  it('writes the module to --out, making its folder, and reports what it wrote', async () => {
    await expect(
      runCli(['client', 'openapi.json', '--out', 'src/api/client.ts', '--name', 'Shop'], io),
    ).resolves.toBe(0);
    const text = readFileSync(join(dir, 'src/api/client.ts'), 'utf8');
    expect(text).toContain('export type ShopApis = {');
    // The upload API is typed with its file field and routed as a form.
    expect(text).toMatch(/files: \{\s+avatar\?: UploadFile;\s+\};/);
    expect(text).toMatch(/files: \["avatar"\]/);
    expect(text).toContain(
      '// Do not edit; regenerate it when the API changes: npx mindoff client openapi.json --out src/api/client.ts --name Shop',
    );
    expect(out).toEqual([]);
    expect(err).toEqual([
      'warning: a__b v1: /v1/a/{bad-name}/ left out; mindoff/client fills only :name parameters of letters, digits, _ and $.\n',
      'Wrote src/api/client.ts: 3 APIs, 3 versions (1 in queue mode).\n',
    ]);
  });

  it('writes the module to standard output without --out', async () => {
    await expect(runCli(['client', 'openapi.json'], io)).resolves.toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\/\/ A typed client of Shop 1\.0\.0,/);
    expect(out[0]).toContain('export function createApiClient(');
    expect(err[err.length - 1]).toBe('Wrote the client of 3 APIs, 3 versions (1 in queue mode).\n');
  });

  it('fetches a URL and writes no secret of it into the module', async () => {
    const code = await runCli(
      [
        'client',
        'https://ci:s3cret@shop.example.com/docs-json?token=t0k',
        '-H',
        'Authorization: Bearer h1dden',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(out[0]).toContain('npx mindoff client https://shop.example.com/docs-json');
    expect(out[0]).not.toMatch(/s3cret|t0k|h1dden/);
  });

  it('fails with exit code 1 and the fix when the document lists no mindoff API', async () => {
    writeFileSync(join(dir, 'plain.json'), JSON.stringify({ openapi: '3.0.0', paths: {} }));
    await expect(runCli(['client', 'plain.json'], io)).resolves.toBe(1);
    expect(err).toEqual([
      'mindoff client: plain.json lists no mindoff API (operationIds <urlName>_v<n> under /v<n>/): build it with MindoffOpenApi.createDocument(app, config), not SwaggerModule.createDocument alone.\n',
    ]);
  });

  it('fails with exit code 1 and the error when it cannot write', async () => {
    mkdirSync(join(dir, 'taken.ts'));
    await expect(runCli(['client', 'openapi.json', '--out', 'taken.ts'], io)).resolves.toBe(1);
    expect(err[err.length - 1]).toMatch(/^mindoff client failed: .*EISDIR/);
  });
});
