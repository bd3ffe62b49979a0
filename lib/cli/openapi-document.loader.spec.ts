import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MindoffCliError } from './cli.error';
import { displaySource, loadOpenApiDocument } from './openapi-document.loader';

const DOCUMENT = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} };

describe('reading the OpenAPI document', () => {
  let dir: string;
  let server: Server;
  let url: string;
  let seen: IncomingHttpHeaders;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mindoff-doc-'));
    server = createServer((req, res) => {
      seen = req.headers;
      const answers: Record<string, [number, string]> = {
        '/docs-json': [200, JSON.stringify(DOCUMENT)],
        '/docs': [200, '<!doctype html><title>Swagger UI</title>'],
        '/private': [
          req.headers.authorization === 'Bearer t' ? 200 : 401,
          JSON.stringify(DOCUMENT),
        ],
        '/swagger2': [200, JSON.stringify({ swagger: '2.0', paths: {} })],
      };
      const [status, body] = answers[req.url ?? ''] ?? [404, 'Cannot GET'];
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await new Promise((done) => server.close(done));
  });

  const options = () => ({ cwd: dir, fetch: (u: string, init: RequestInit) => fetch(u, init) });

  it('reads a JSON file, relative to the working directory', async () => {
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(DOCUMENT));
    await expect(loadOpenApiDocument('openapi.json', options())).resolves.toEqual(DOCUMENT);
    await expect(loadOpenApiDocument(join(dir, 'openapi.json'), options())).resolves.toEqual(
      DOCUMENT,
    );
  });

  it('fetches a URL, asking for JSON and sending the headers given', async () => {
    await expect(loadOpenApiDocument(`${url}/docs-json`, options())).resolves.toEqual(DOCUMENT);
    expect(seen.accept).toBe('application/json');
    await expect(
      loadOpenApiDocument(`${url}/private`, {
        ...options(),
        headers: [['Authorization', 'Bearer t']],
      }),
    ).resolves.toEqual(DOCUMENT);
  });

  it.each([
    ['a missing file', () => 'missing.json', /Could not read missing\.json: ENOENT/],
    [
      'a page that is not JSON',
      () => `${url}/docs`,
      /\/docs is not JSON .*\(\/docs-json, not Swagger UI's \/docs\)/,
    ],
    [
      'a missing URL',
      () => `${url}/nowhere`,
      /\/nowhere answered HTTP 404; serve it with SwaggerModule\.setup/,
    ],
    ['a refused URL', () => `${url}/private`, /answered HTTP 401; pass credentials with --header/],
    ['a Swagger 2 document', () => `${url}/swagger2`, /is not an OpenAPI 3 document/],
    [
      'a closed port',
      () => 'http://127.0.0.1:1/docs-json',
      /Could not fetch http:\/\/127\.0\.0\.1:1\/docs-json: .*Is the app running there\?/,
    ],
  ])('refuses %s, saying the fix', async (_what, source, message) => {
    const error = await loadOpenApiDocument(source(), options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MindoffCliError);
    expect((error as Error).message).toMatch(message);
  });

  it('refuses JSON that is not a document', async () => {
    for (const [name, text] of [
      ['null.json', 'null'],
      ['list.json', '[]'],
      ['nopaths.json', '{"openapi":"3.0.0"}'],
    ]) {
      writeFileSync(join(dir, name), text);
      await expect(loadOpenApiDocument(name, options())).rejects.toThrow(
        /is not an OpenAPI 3 document/,
      );
    }
  });

  it('shows a URL without the credentials, query or fragment it may carry', () => {
    expect(displaySource('https://me:secret@api.example.com:8443/docs-json?key=k#x')).toBe(
      'https://api.example.com:8443/docs-json',
    );
    expect(displaySource('docs/openapi.json')).toBe('docs/openapi.json');
    expect(displaySource('http://[bad')).toBe('the URL given');
  });
});
