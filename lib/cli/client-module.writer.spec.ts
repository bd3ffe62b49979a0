import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import { typeCheck } from '../../test/support/typecheck';
import { writeClientModule } from './client-module.writer';
import { documentedApis } from './openapi-apis';

const NAMES = {
  apisType: 'ShopApis',
  factory: 'createShopClient',
  command: 'npx mindoff client docs.json',
};

const ok = (data?: unknown) => ({
  '200': {
    description: 'ok',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          properties: {
            message: {
              type: 'object',
              properties: { code: { type: 'string', enum: ['SUCCESS'] } },
            },
            data: data ?? { description: 'What the API returned.' },
          },
        },
      },
    },
  },
});

/** A document with every awkward thing a schema or a name can hold (as JSON.parse reads it). */
const HOSTILE = JSON.parse(
  JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Shop\n// */ export const pwned = 1;', version: '2' },
    paths: {
      '/v1/shop/get_item/{item_id}/': {
        get: {
          operationId: 'shop__get_item_v1',
          summary: 'Get */ item',
          description: 'Line one\n*/ export const pwned = 1; /*',
          parameters: [
            { name: 'item_id', in: 'path', required: true, schema: { type: 'integer' } },
            {
              name: 'sort-by',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: ['a"b', '*/'] },
            },
          ],
          responses: ok({ $ref: '#/components/schemas/__proto__' }),
        },
      },
      '/v1/shop/"quoted"/': {
        post: {
          operationId: 'shop__quoted_v1',
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    'a-b': { type: 'string', nullable: true, description: 'has */ inside' },
                    '"x"': { $ref: '#/components/schemas/a-b' },
                    ['__proto__']: { type: 'array', items: { $ref: '#/components/schemas/Loop' } },
                    '*/': { oneOf: [{ const: 'x' }, { type: 'number' }] },
                    default: { $ref: '#/components/schemas/ShopApis' },
                    routes: { $ref: '#/components/schemas/routes' },
                    record: { $ref: '#/components/schemas/Record' },
                  },
                  required: ['"x"', '__proto__'],
                  additionalProperties: false,
                },
              },
            },
          },
          responses: ok(),
        },
      },
    },
    components: {
      schemas: {
        ['__proto__']: {
          type: 'object',
          properties: { next: { $ref: '#/components/schemas/__proto__' } },
        },
        'a-b': { allOf: [{ $ref: '#/components/schemas/ShopApis' }], description: '*/ not closed' },
        ShopApis: { anyOf: [{ $ref: '#/components/schemas/a-b' }, { type: 'string' }] },
        Loop: { $ref: '#/components/schemas/Loop' },
        routes: { type: 'string' },
        Record: { type: 'object', additionalProperties: false },
      },
    },
  }),
);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mindoff-writer-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the generated client module', () => {
  const written = () => writeClientModule(HOSTILE, documentedApis(HOSTILE), NAMES);

  it('keeps __proto__ keys of the document as own keys (the fixture reads as intended)', () => {
    expect(Object.keys(HOSTILE.components.schemas)).toContain('__proto__');
    expect(
      Object.keys(
        HOSTILE.paths['/v1/shop/"quoted"/'].post.requestBody.content['application/json'].schema
          .properties,
      ),
    ).toContain('__proto__');
  });

  it('imports mindoff/client and nothing else', () => {
    const imports = [...written().matchAll(/^import[\s\S]*? from (.+);$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['"mindoff/client"', '"mindoff/client"']);
    expect(written()).not.toMatch(/require\(|import\(/);
  });

  it('declares the Apis type, the route table, the task base and the factory under the names asked', () => {
    const text = written();
    expect(text).toContain('export type ShopApis = {');
    expect(text).toContain('export const routes: MindoffRouteTable = {');
    expect(text).toContain('export const taskBase = "/mindoff/queue";');
    expect(text).toContain(
      'export function createShopClient(\n  options: Omit<MindoffClientOptions, "routes"> = {},\n): MindoffClient<ShopApis> {',
    );
    expect(text).toContain(
      'return createMindoffClient<ShopApis>({ taskBase, ...options, routes });',
    );
    // The components named like the module's own declarations are renamed.
    expect(text).toContain('export type ShopApis_2 =');
    expect(text).toContain('export type routes_2 =');
    expect(text).toContain('export type Record_2 = Record<string, never>;');
  });

  it('compiles under --strict with every hostile name, key, value and comment', () => {
    const file = join(dir, 'hostile-client.ts');
    writeFileSync(file, written());
    expect(typeCheck([file])).toEqual([]);
  });

  it('writes no code from the document outside string literals and comments', () => {
    const source = ts.createSourceFile('m.ts', written(), ts.ScriptTarget.ES2022, true);
    const kinds = source.statements.map((s) =>
      ts.isTypeAliasDeclaration(s)
        ? 'type'
        : ts.isImportDeclaration(s)
          ? 'import'
          : ts.isVariableStatement(s)
            ? 'const'
            : ts.isFunctionDeclaration(s)
              ? 'function'
              : 'other',
    );
    expect(kinds.filter((k) => k !== 'type')).toEqual([
      'import',
      'import',
      'const',
      'const',
      'function',
    ]);
    expect(
      source.statements
        .filter(ts.isVariableStatement)
        .map((s) => s.declarationList.declarations[0].name.getText()),
    ).toEqual(['routes', 'taskBase']);
    expect(written()).not.toMatch(/^export const pwned/m);
  });

  it('builds a client over createMindoffClient with the documented routes, exactly as written', () => {
    const { outputText } = ts.transpileModule(written(), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    });
    const exports: Record<string, unknown> = {};
    const requireStub = (id: string) => {
      expect(id).toBe('mindoff/client');
      return { createMindoffClient: (options: unknown) => options };
    };
    new Function('require', 'exports', outputText)(requireStub, exports);
    const create = exports.createShopClient as (o: object) => Record<string, unknown>;
    const options = create({ baseUrl: 'http://shop', taskBase: '/api/mindoff/queue' });
    expect(options.baseUrl).toBe('http://shop');
    expect(options.taskBase).toBe('/api/mindoff/queue');
    expect(JSON.parse(JSON.stringify(options.routes))).toEqual({
      shop__get_item: {
        '1': { method: 'GET', paths: ['/v1/shop/get_item/:item_id/'], queued: false },
      },
      shop__quoted: { '1': { method: 'POST', paths: ['/v1/shop/"quoted"/'], queued: false } },
    });
    expect(create({}).taskBase).toBe('/mindoff/queue');
  });

  it('reads as Prettier writes it (its default options)', () => {
    const file = join(dir, 'formatted-client.ts');
    writeFileSync(file, written());
    const prettier = join(__dirname, '..', '..', 'node_modules', 'prettier', 'bin', 'prettier.cjs');
    expect(() =>
      execFileSync(process.execPath, [prettier, '--no-config', '--check', file], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});

/** A document with one multipart API: a required file under an awkward name and a list of files. */
const FORM = {
  openapi: '3.1.0',
  info: { title: 'Media', version: '1' },
  paths: {
    '/v1/media/upload/': {
      post: {
        operationId: 'media__upload_v1',
        requestBody: {
          content: {
            'multipart/form-data': {
              schema: {
                allOf: [
                  {
                    type: 'object',
                    properties: { title: { type: 'string' } },
                    required: ['title'],
                  },
                  {
                    type: 'object',
                    properties: {
                      'scan-file': { type: 'string', format: 'binary' },
                      photos: { type: 'array', items: { type: 'string', format: 'binary' } },
                    },
                    required: ['scan-file'],
                  },
                ],
              },
            },
          },
        },
        responses: ok(),
      },
    },
    '/v1/media/note/': { post: { operationId: 'media__note_v1', responses: ok() } },
  },
};

describe('the generated client module of an upload API', () => {
  const written = () => writeClientModule(FORM, documentedApis(FORM), NAMES);

  it('types the files a call sends, imports the file types it names, and routes the API as a form', () => {
    const text = written();
    expect(text).toContain('  UploadFile,\n  UploadFiles,\n} from "mindoff/client";');
    expect(text).toMatch(/files: \{\s+"scan-file": UploadFile;\s+photos\?: UploadFiles;\s+\};/);
    expect(text).toMatch(/media__upload: \{\s+1: \{[^}]*files: \["scan-file", "photos"\],/);
    expect(text).not.toMatch(/media__note: \{\s+1: \{[^}]*files:/);
  });

  it('compiles with calls that send the files, and refuses a call without the required one', () => {
    const file = join(dir, 'media-client.ts');
    writeFileSync(file, written());
    const calls = join(dir, 'calls.ts');
    writeFileSync(
      calls,
      [
        "import { createShopClient } from './media-client';",
        "const client = createShopClient({ baseUrl: 'http://127.0.0.1:1' });",
        "const scan = new Blob(['%PDF'], { type: 'application/pdf' });",
        "void client.call('media__upload', { version: 1, payload: { title: 't' }, files: { 'scan-file': scan, photos: [scan] } });",
        "void client.call('media__upload', { version: 1, payload: { title: 't' }, files: { photos: scan } });",
        "void client.call('media__note', { version: 1, files: { 'scan-file': scan } });",
        '',
      ].join('\n'),
    );
    expect(
      typeCheck([file, calls]).map((line) => line.replace(/^.*calls\.ts:(\d+): .*$/s, '$1')),
    ).toEqual(['5', '6']);
  });
});
