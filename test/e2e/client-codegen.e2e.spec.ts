import type { INestApplication } from '@nestjs/common';
import type { MindoffClient, MindoffClientOptions, MindoffRouteTable } from 'mindoff/client';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setupApiDocs } from '../../sample/docs/api-docs';
import { ADAPTERS, startApp, type AdapterName, type RunningApp } from '../support/http-app';
import { typeCheck } from '../support/typecheck';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);

/** Runs the `mindoff` executable as its own process, from its TypeScript source. */
function mindoff(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  const register = join(ROOT, 'test', 'support', 'ts-register.js');
  return run(process.execPath, ['-r', register, join(ROOT, 'lib', 'cli', 'mindoff.ts'), ...args], {
    cwd,
  });
}

/** The sample app on `adapter` with its API docs, as main.ts serves them; its report job without pauses. */
async function startSample(adapter: AdapterName): Promise<RunningApp> {
  const saved = { pause: process.env.SAMPLE_REPORT_PAUSE_MS, redis: process.env.REDIS_URL };
  process.env.SAMPLE_REPORT_PAUSE_MS = '0';
  delete process.env.REDIS_URL;
  const { AppModule } = await import('../../sample/app.module.js');
  Object.assign(process.env, { SAMPLE_REPORT_PAUSE_MS: saved.pause, REDIS_URL: saved.redis });
  if (saved.pause === undefined) delete process.env.SAMPLE_REPORT_PAUSE_MS;
  if (saved.redis === undefined) delete process.env.REDIS_URL;
  return startApp(AppModule, adapter, { setup: (app: INestApplication) => setupApiDocs(app) });
}

/** What the spec reads of the generated module at run time (its typing is checked on its own). */
interface GeneratedModule {
  createSampleClient(options?: Omit<MindoffClientOptions, 'routes'>): MindoffClient;
  routes: MindoffRouteTable;
}

const SHOP_ORDER =
  "{ customer_name: 'Asha', customer_email: 'asha@example.com', product_name: 'Tea', quantity: 2 }";

/**
 * Typed calls of the generated module. Each `@ts-expect-error` line is a call the compiler must
 * refuse; the rest must compile.
 */
const CALLS = `import { createSampleClient, routes, type SampleApis } from './sample-client';

const client = createSampleClient({ baseUrl: 'http://127.0.0.1:1', token: 'demo-token-asha' });
const shopOrder = ${SHOP_ORDER};

export async function calls(): Promise<void> {
  const order = await client.call('orders__get_order', { version: 1, params: { order_id: 42 }, query: { include_items: true } });
  if (order.ok) {
    const id: number = order.data.order_id;
    const items: { sku: string; quantity: number }[] | null | undefined = order.data.items;
    console.log(id, items);
    // @ts-expect-error the data of get_order has no field total
    console.log(order.data.total);
  }
  await client.call('orders__get_order', { version: 1, params: { order_id: 7 } });
  // @ts-expect-error the path parameter order_id is missing
  await client.call('orders__get_order', { version: 1, params: {} });
  // @ts-expect-error the params are missing altogether
  await client.call('orders__get_order', { version: 1 });
  // @ts-expect-error order_id is a number
  await client.call('orders__get_order', { version: 1, params: { order_id: 'seven' } });
  // @ts-expect-error include_items is a boolean
  await client.call('orders__get_order', { version: 1, params: { order_id: 7 }, query: { include_items: 'yes' } });
  await client.call('shop__create_order', { version: 2, payload: shopOrder });
  // @ts-expect-error colour is not a field of the payload
  await client.call('shop__create_order', { version: 2, payload: { customer_name: 'Asha', customer_email: 'a@example.com', product_name: 'Tea', quantity: 2, colour: 'red' } });
  // @ts-expect-error quantity is a number
  await client.call('shop__create_order', { version: 1, payload: { ...shopOrder, quantity: '2' } });
  // @ts-expect-error version 3 of shop__create_order is not served
  await client.call('shop__create_order', { version: 3, payload: shopOrder });
  // @ts-expect-error the payload of orders__create_order is required
  await client.call('orders__create_order', { version: 1 });
  // @ts-expect-error there is no API orders__delete_order
  await client.call('orders__delete_order', { version: 1 });
  const task = await client.enqueue('jobs__generate_inventory_report', { version: 1, payload: { report_name: 'Weekly' } });
  // @ts-expect-error report_name is a string
  await client.enqueue('jobs__generate_inventory_report', { version: 1, payload: { report_name: 7 } });
  // @ts-expect-error format is csv or json
  await client.enqueue('jobs__export_my_orders', { version: 1, payload: { format: 'xml' } });
  const avatar = new File([new Uint8Array(8)], 'me.png', { type: 'image/png' });
  await client.call('files__upload_avatar', { version: 1, payload: { user_name: 'asha' }, files: { avatar } });
  await client.call('files__upload_avatar', { version: 1, payload: { user_name: 'asha' }, files: { avatar: { data: new Uint8Array(8), filename: 'me.png' } } });
  // @ts-expect-error the avatar file is required
  await client.call('files__upload_avatar', { version: 1, payload: { user_name: 'asha' }, files: {} });
  // @ts-expect-error avatar takes one file
  await client.call('files__upload_avatar', { version: 1, payload: { user_name: 'asha' }, files: { avatar: [avatar, avatar] } });
  // @ts-expect-error banner is not a file field of the API
  await client.call('files__upload_avatar', { version: 1, payload: { user_name: 'asha' }, files: { avatar, banner: avatar } });
  // @ts-expect-error orders__create_order takes no files
  await client.call('orders__create_order', { version: 1, payload: { customer_id: 'c_1', items: [] }, files: { avatar } });
  const payload: SampleApis['orders__create_order'][1]['payload'] = { customer_id: 'c_1', items: [{ sku: 'tea', qty: 1 }] };
  console.log(task.id, payload, routes.orders__get_order['1'].paths);
}
`;

/** Line numbers (1-based) of the diagnostics of `file` among `diagnostics`. */
function errorLines(diagnostics: string[], file: string): number[] {
  return diagnostics
    .map((d) => /^(.*):(\d+): /.exec(d))
    .filter((m): m is RegExpExecArray => m !== null && m[1].endsWith(file))
    .map((m) => Number(m[2]));
}

describe('mindoff client: a typed client module from the sample app’s OpenAPI document', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mindoff-codegen-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('written from /docs-json saved to a file', () => {
    let module: string;
    let stderr: string;
    beforeAll(async () => {
      const sample = await startSample('express');
      try {
        const document = await (await fetch(`${sample.url}/docs-json`)).text();
        writeFileSync(join(dir, 'openapi.json'), document);
      } finally {
        await sample.close();
      }
      ({ stderr } = await mindoff(
        [
          'client',
          'openapi.json',
          '--out',
          'sample-client.ts',
          '--name',
          'Sample',
          '--factory',
          'createSampleClient',
        ],
        dir,
      ));
      module = readFileSync(join(dir, 'sample-client.ts'), 'utf8');
    });

    it('reports what it wrote', () => {
      expect(stderr).not.toContain('note:');
      expect(stderr).toMatch(
        /Wrote sample-client\.ts: \d+ APIs, \d+ versions \(2 in queue mode\)\./,
      );
    });

    it('imports mindoff/client only, and types get_order from its declared params, query and responseSchema', () => {
      expect([...module.matchAll(/ from "([^"]+)";$/gm)].map((m) => m[1])).toEqual([
        'mindoff/client',
        'mindoff/client',
      ]);
      expect(module).toContain(
        [
          '    1: {',
          '      payload: unknown;',
          '      query: {',
          '        include_items?: boolean | null;',
          '      };',
          '      params: {',
          '        order_id: number;',
          '      };',
          '      data: {',
          '        order_id: number;',
        ].join('\n'),
      );
      expect(module).toContain(
        'paths: ["/v1/orders/get_order/:order_id/", "/v1/orders/:order_id/"],',
      );
    });

    it('compiles with typed calls under --strict, and refuses exactly the wrong calls', () => {
      const calls = join(dir, 'calls.ts');
      writeFileSync(calls, CALLS);
      const files = [join(dir, 'sample-client.ts'), calls];
      expect(typeCheck(files)).toEqual([]);
      // Without the directives, each marked line is an error, and no other line is.
      const marked = CALLS.split('\n').flatMap((line, i) =>
        line.includes('@ts-expect-error') ? [i + 2] : [],
      );
      expect(marked).toHaveLength(16);
      writeFileSync(calls, CALLS.replace(/@ts-expect-error/g, 'refused:'));
      expect(errorLines(typeCheck(files), 'calls.ts')).toEqual(marked);
    });

    it('passes the project’s ESLint rules with no warning', async () => {
      const eslint = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
      const config = join(ROOT, 'eslint.config.mjs');
      // The type-aware rules read the module's types through the tsconfig of a project that has it.
      const compilerOptions = { strict: true, target: 'ES2022', lib: ['ES2022', 'DOM'], types: [] };
      const tsconfig = { compilerOptions, files: ['sample-client.ts'] };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
      await expect(
        run(
          process.execPath,
          [eslint, '--config', config, '--max-warnings', '0', 'sample-client.ts'],
          { cwd: dir },
        ),
      ).resolves.toMatchObject({ stdout: '' });
    });
  });

  describe.each(ADAPTERS)(
    'fetched from the running sample on %s and used to call it',
    (adapter) => {
      let sample: RunningApp;
      let generated: GeneratedModule;
      beforeAll(async () => {
        sample = await startSample(adapter);
        const folder = join(dir, adapter);
        mkdirSync(folder);
        await mindoff(
          [
            'client',
            `${sample.url}/docs-json`,
            '-o',
            'sample-client.ts',
            '--name',
            'Sample',
            '--factory',
            'createSampleClient',
          ],
          folder,
        );
        // The generated TypeScript, loaded as an app would import it (Jest compiles it with swc).
        generated = (await import(join(folder, 'sample-client.ts'))) as GeneratedModule;
      });
      afterAll(() => sample.close());

      const client = () =>
        generated.createSampleClient({ baseUrl: sample.url, token: 'demo-token-asha' });

      it('lists every API of the document in the route table, queue-mode ones marked', async () => {
        type Paths = Record<string, Record<string, { operationId?: string }>>;
        const document = (await (await fetch(`${sample.url}/docs-json`)).json()) as {
          paths: Paths;
        };
        const ids = Object.values(document.paths)
          .flatMap((item) => Object.values(item).map((op) => op.operationId ?? ''))
          .filter((id) => id.includes('__'));
        const urlNames = [...new Set(ids.map((id) => id.replace(/_v\d+(_\d+)?$/, '')))];
        expect(Object.keys(generated.routes).sort()).toEqual(urlNames.sort());
        expect(generated.routes.jobs__generate_inventory_report['1'].queued).toBe(true);
        expect(generated.routes.orders__create_order['1']).toEqual({
          method: 'POST',
          paths: ['/v1/orders/create_order/'],
          queued: false,
        });
      });

      it('GETs orders__get_order with its path parameter and query', async () => {
        const order = await client().call('orders__get_order', {
          version: 1,
          params: { order_id: 42 },
          query: { include_items: true },
        });
        expect(order).toMatchObject({ ok: true, code: 'SUCCESS', status: 200 });
        expect(order.data).toEqual({
          order_id: 42,
          items: [
            { sku: 'SKU-42-A', quantity: 1 },
            { sku: 'SKU-42-B', quantity: 1 },
          ],
        });
      });

      it('POSTs orders__create_order with its payload', async () => {
        const created = await client().call('orders__create_order', {
          version: 1,
          payload: {
            customer_id: 'c_42',
            items: [
              { sku: 'tea', qty: 2 },
              { sku: 'cup', qty: 1 },
            ],
          },
        });
        expect(created).toMatchObject({
          ok: true,
          code: 'SUCCESS',
          data: {
            order_id: expect.stringMatching(/^ord_/),
            total_qty: 3,
            unique_skus: ['cup', 'tea'],
          },
        });
      });

      it('answers a payload the API refuses with its INVALID_PAYLOAD envelope', async () => {
        const refused = await client().call('orders__create_order', {
          version: 1,
          payload: { customer_id: 'c_42', items: [{ sku: 'cup', qty: 1.5 }] },
        });
        expect(refused).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD', status: 400 });
        expect(refused.data).toEqual([
          expect.objectContaining({ path: 'items[0].qty', code: 'type' }),
        ]);
      });

      it('uploads the avatar of files__upload_avatar as a multipart form', async () => {
        expect(generated.routes.files__upload_avatar['1'].files).toEqual(['avatar']);
        const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
        const uploaded = await client().call('files__upload_avatar', {
          version: 1,
          payload: { user_name: 'asha' },
          files: { avatar: { data: png, filename: 'me.png', type: 'image/png' } },
        });
        expect(uploaded).toMatchObject({
          ok: true,
          data: { user_name: 'asha', file_name: 'me.png', content_type: 'image/png', size: 9 },
        });
      });

      it('follows a queued inventory report to its result through the task handle', async () => {
        const task = await client().enqueue('jobs__generate_inventory_report', {
          version: 1,
          payload: { report_name: 'Weekly' },
        });
        expect(task.id).toEqual(expect.any(String));
        const result = await task.result();
        expect(result).toMatchObject({
          ok: true,
          data: { report_name: 'Weekly', status: 'completed', summary: expect.any(Object) },
        });
      });
    },
  );
});
