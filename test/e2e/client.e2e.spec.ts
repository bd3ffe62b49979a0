import { createServer } from 'node:net';
import {
  MindoffCallRefused,
  MindoffClientError,
  createMindoffClient,
  type FetchLike,
  type MindoffClient,
  type TaskProgress,
} from 'mindoff/client';
import { AppModule } from '../../sample/app.module';
import type { SampleApis } from '../../sample/sample-apis';
import { ADAPTERS, startApp, type RunningApp } from '../support/http-app';

const seedOrder = {
  customer_id: 'c_42',
  items: [
    { sku: 'tea', qty: 2 },
    { sku: 'cup', qty: 1 },
  ],
};
const shopOrder = {
  customer_name: 'Asha',
  customer_email: 'asha@example.com',
  product_name: 'Tea',
  quantity: 2,
};
const REPORT = { version: 1, payload: { report_name: 'Weekly stock' } } as const;
const SUMMARY = { total_products: 5, total_stock: 87, average_price: 17.63 };

async function collect(states: AsyncIterable<TaskProgress>): Promise<TaskProgress[]> {
  const seen: TaskProgress[] = [];
  for await (const state of states) seen.push(state);
  return seen;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.each(ADAPTERS)('mindoff/client against the sample on %s', (adapter) => {
  let server: RunningApp;
  let client: MindoffClient<SampleApis>;

  beforeAll(async () => {
    server = await startApp(AppModule, adapter);
    client = createMindoffClient<SampleApis>({ baseUrl: server.url });
  });
  afterAll(() => server.close());

  it('reads the route table from the manifest the sample serves', async () => {
    const { apis, taskBase } = await client.routes();
    expect(taskBase).toBe('/mindoff/queue');
    expect(apis.orders__get_order).toEqual({
      '1': {
        method: 'GET',
        paths: ['/v1/orders/get_order/:order_id/', '/v1/orders/:order_id/'],
        queued: false,
      },
    });
    expect(apis.shop__create_order['2']).toEqual({
      method: 'POST',
      paths: ['/v2/shop/create_order/'],
      queued: false,
    });
    expect(apis.jobs__generate_inventory_report['1'].queued).toBe(true);
    expect(Object.keys(apis).sort()).toEqual([
      'files__upload_avatar',
      'jobs__export_my_orders',
      'jobs__generate_inventory_report',
      'orders__create_order',
      'orders__get_order',
      'payments__charge',
      'shop__create_order',
      'shop__get_my_orders',
      'shop__get_profile',
    ]);
  });

  describe('direct APIs', () => {
    it('orders/create_order: SUCCESS with the typed summary', async () => {
      const result = await client.call('orders__create_order', { version: 1, payload: seedOrder });
      expect(result).toMatchObject({ ok: true, code: 'SUCCESS', status: 200 });
      if (!result.ok) throw new Error(result.code);
      const total: number = result.data.total_qty;
      expect([total, result.data.unique_skus]).toEqual([3, ['cup', 'tea']]);
      expect(result.headers.get('x-request-id')).toEqual(expect.any(String));
    });

    it('orders/create_order: INVALID_PAYLOAD with its issues, as a result', async () => {
      const result = await client.call('orders__create_order', {
        version: 1,
        payload: { customer_id: 'c_42', items: [{ sku: 'cup', qty: 1.5 }] },
      });
      expect(result).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD', status: 400 });
      expect(result.data).toEqual([
        expect.objectContaining({ path: 'items[0].qty', code: 'type' }),
      ]);
    });

    it('orders/get_order: the typed id from the path, the items from the query', async () => {
      const plain = await client.call('orders__get_order', {
        version: 1,
        params: { order_id: 12 },
      });
      expect(plain).toMatchObject({ ok: true, data: { order_id: 12 } });
      const full = await client.call('orders__get_order', {
        version: 1,
        params: { order_id: 12 },
        query: { include_items: true },
      });
      if (!full.ok) throw new Error(full.code);
      expect(full.data.items?.map((item) => item.sku)).toEqual(['SKU-12-A', 'SKU-12-B']);
    });

    it('orders/get_order: a query value the compiler refuses is refused by the server too', async () => {
      const result = await client.call('orders__get_order', {
        version: 1,
        params: { order_id: 12 },
        // @ts-expect-error include_items is a boolean
        query: { include_items: 'maybe' },
      });
      expect(result).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD', status: 400 });
    });

    it('shop/get_profile: SUCCESS with the profile', async () => {
      const result = await client.call('shop__get_profile', { version: 1 });
      if (!result.ok) throw new Error(result.code);
      expect(result.data.membership).toBe('gold');
    });

    it('shop/create_order v1 (deprecated): the app code ORDER_CREATED, 201, with the deprecation headers', async () => {
      const result = await client.call('shop__create_order', { version: 1, payload: shopOrder });
      expect(result).toMatchObject({
        ok: true,
        code: 'ORDER_CREATED',
        status: 201,
        data: { customer_name: 'Asha', status: 'created' },
      });
      expect(result.headers.get('deprecation')).toBe('@0');
      expect(result.headers.get('link')).toBe('</v2/shop/create_order/>; rel="successor-version"');
    });

    it('shop/create_order v2: ORDER_CREATED with the delivery estimate; business rules as VALIDATION_ERR', async () => {
      const created = await client.call('shop__create_order', { version: 2, payload: shopOrder });
      expect(created).toMatchObject({ ok: true, data: { estimated_delivery_days: 3 } });
      const refused = await client.call('shop__create_order', {
        version: 2,
        payload: { ...shopOrder, quantity: 0 },
      });
      expect(refused).toMatchObject({
        ok: false,
        code: 'VALIDATION_ERR',
        status: 400,
        data: { errors: { quantity: 'Must be greater than 0.' } },
      });
    });

    it('answers a version the server does not serve with INVALID_API_VERSION (a table that claims it)', async () => {
      const claims = createMindoffClient({
        baseUrl: server.url,
        routes: {
          shop__create_order: {
            '3': { method: 'POST', paths: ['/v3/shop/create_order/'], queued: false },
          },
        },
      });
      const result = await claims.call('shop__create_order', { version: 3, payload: shopOrder });
      expect(result).toMatchObject({
        ok: false,
        code: 'INVALID_API_VERSION',
        status: 404,
        data: { available_versions: [1, 2] },
      });
    });

    it('files/upload_avatar: the payload and the avatar go as a multipart form', async () => {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
      const result = await client.call('files__upload_avatar', {
        version: 1,
        payload: { user_name: 'asha' },
        files: { avatar: new File([png], 'me.png', { type: 'image/png' }) },
      });
      expect(result).toMatchObject({
        ok: true,
        code: 'SUCCESS',
        data: { user_name: 'asha', file_name: 'me.png', content_type: 'image/png', size: 11 },
      });
    });
  });

  describe('idempotent APIs', () => {
    it('payments/charge: the client sends a key itself, and the same idempotencyKey gets the same charge back', async () => {
      const asha = createMindoffClient<SampleApis>({
        baseUrl: server.url,
        token: 'demo-token-asha',
      });
      const charge = { version: 1, payload: { amount: 1200, currency: 'EUR' } } as const;
      const first = await asha.call('payments__charge', { ...charge, idempotencyKey: 'order-77' });
      const again = await asha.call('payments__charge', { ...charge, idempotencyKey: 'order-77' });
      const fresh = await asha.call('payments__charge', charge);
      if (!first.ok || !again.ok || !fresh.ok) throw new Error('a charge was refused');
      expect(first.data).toEqual({ charge_id: expect.any(String), amount: 1200, currency: 'EUR' });
      expect(again.data.charge_id).toBe(first.data.charge_id);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(fresh.data.charge_id).not.toBe(first.data.charge_id);
    });
  });

  describe('auth', () => {
    it('shop/get_my_orders: NOT_AUTHENTICATED without a token', async () => {
      const result = await client.call('shop__get_my_orders', { version: 1 });
      expect(result).toMatchObject({ ok: false, code: 'NOT_AUTHENTICATED', status: 401 });
    });

    it('shop/get_my_orders: AUTHENTICATION_FAILED with a bad token', async () => {
      const stranger = createMindoffClient<SampleApis>({ baseUrl: server.url, token: 'nope' });
      const result = await stranger.call('shop__get_my_orders', { version: 1 });
      expect(result).toMatchObject({ ok: false, code: 'AUTHENTICATION_FAILED', status: 401 });
    });

    it("shop/get_my_orders: the user's orders with the token (given per request)", async () => {
      const asha = createMindoffClient<SampleApis>({
        baseUrl: server.url,
        token: async () => 'demo-token-asha',
      });
      const result = await asha.call('shop__get_my_orders', { version: 1 });
      if (!result.ok) throw new Error(result.code);
      expect(result.data.customer).toBe('Asha');
    });
  });

  describe('a queued report', () => {
    it('is enqueued and followed to completion through every checkpoint, then its typed result', async () => {
      const task = await client.enqueue('jobs__generate_inventory_report', REPORT);
      expect(task.id).toEqual(expect.any(String));
      const states = await collect(task.progress());
      const running = states.filter((s) => s.status === 'running');
      expect(running.map((s) => [s.percent, s.step])).toEqual([
        [20, 'collect'],
        [70, 'summarize'],
        [90, 'finish'],
      ]);
      expect(running[1].message).toBe('Summarizing 5 products');
      expect(states.at(-1)).toMatchObject({ status: 'completed', percent: 100 });
      const result = await task.result();
      if (!result.ok) throw new Error(result.code);
      expect(result.data.summary).toEqual(SUMMARY);
      expect(result.data.report_name).toBe('Weekly stock');
    });

    it('call() on it waits for the task and answers its outcome', async () => {
      const result = await client.call('jobs__generate_inventory_report', REPORT);
      expect(result).toMatchObject({ ok: true, code: 'SUCCESS', data: { summary: SUMMARY } });
    });

    it('is cancelled while running, then retried under the same id to completion', async () => {
      const task = await client.enqueue('jobs__generate_inventory_report', REPORT);
      const states: TaskProgress[] = [];
      for await (const state of task.progress()) {
        states.push(state);
        if (
          state.status === 'running' &&
          states.filter((s) => s.status === 'running').length === 1
        ) {
          const cancel = await task.cancel();
          expect(cancel).toMatchObject({
            ok: true,
            data: { queue_id: task.id, job_status: 'cancel_requested' },
          });
        }
      }
      expect(states.at(-1)).toMatchObject({ status: 'cancelled' });
      const cancelled = await task.result();
      expect(cancelled).toMatchObject({
        ok: false,
        code: 'QUEUE_TASK_CANCELLED',
        data: { queue_id: task.id, job_status: 'cancelled' },
      });
      expect(await task.cancel()).toMatchObject({ ok: false, code: 'QUEUE_TASK_NOT_CANCELLABLE' });

      const retried = await task.retry();
      expect(retried).toMatchObject({ ok: true, code: 'QUEUED', data: { queue_id: task.id } });
      const after = await collect(task.progress());
      expect(after.at(-1)).toMatchObject({ status: 'completed', percent: 100 });
      expect(await task.result()).toMatchObject({ ok: true, data: { summary: SUMMARY } });
      expect(await task.retry()).toMatchObject({ ok: false, code: 'QUEUE_TASK_NOT_RETRIABLE' });
    });

    it('is re-attached by id from another client, its result typed by naming its API', async () => {
      const started = await client.enqueue('jobs__generate_inventory_report', REPORT);
      const later = createMindoffClient<SampleApis>({ baseUrl: server.url });
      const task = later.task(started.id, {
        urlName: 'jobs__generate_inventory_report',
        version: 1,
      });
      const states = await collect(task.progress());
      expect(states.at(-1)).toMatchObject({ status: 'completed' });
      const result = await task.result();
      if (!result.ok) throw new Error(result.code);
      expect(result.data.summary.total_stock).toBe(87);
      // Re-attached after the end: the stream gives the final state at once.
      expect(await collect(later.task(started.id).progress())).toEqual([states.at(-1)]);
    });

    it('resumes a dropped status stream with Last-Event-ID, losing and repeating no state', async () => {
      const streams: { url: string; lastEventId: string | null; firstId?: string }[] = [];
      const cutting: FetchLike = async (url, init) => {
        const response = await fetch(url, init);
        if (!url.includes('/stream/?ticket=')) return response;
        const seen = {
          url,
          lastEventId: new Headers(init.headers).get('last-event-id'),
        } as (typeof streams)[number];
        streams.push(seen);
        if (streams.length > 1) return response;
        // The first stream breaks right after its first event, as a lost connection does.
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let text = '';
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            const { done, value } = await reader.read();
            if (done) return controller.close();
            text += decoder.decode(value, { stream: true });
            const end = text.search(/^data: .*\n\n/m);
            if (end === -1) return;
            const event = text.slice(0, text.indexOf('\n\n', end) + 2);
            seen.firstId = /^id: (.*)$/m.exec(event)?.[1];
            controller.enqueue(new TextEncoder().encode(event));
            await reader.cancel();
            controller.error(new TypeError('terminated'));
          },
        });
        return new Response(body, { status: response.status, headers: response.headers });
      };
      const dropping = createMindoffClient<SampleApis>({ baseUrl: server.url, fetch: cutting });
      const task = await dropping.enqueue('jobs__generate_inventory_report', REPORT);
      const states = await collect(task.progress());

      expect(streams).toHaveLength(2);
      expect(streams[0].firstId).toEqual(expect.stringMatching(/^\d+$/));
      expect(streams[1].lastEventId).toBe(streams[0].firstId);
      expect(streams[1].url).not.toBe(streams[0].url); // a fresh ticket
      const keys = states.map((s) => `${s.status}:${s.percent}:${s.step}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(states.map((s) => s.updatedAt)).toEqual([...states.map((s) => s.updatedAt)].sort());
      expect(states.filter((s) => s.status === 'running').map((s) => s.percent)).toEqual([
        20, 70, 90,
      ]);
      expect(states.at(-1)).toMatchObject({ status: 'completed', percent: 100 });
    });

    it('an export of a signed-in user: one task for identical calls, invisible to strangers', async () => {
      const asha = createMindoffClient<SampleApis>({
        baseUrl: server.url,
        token: 'demo-token-asha',
      });
      const call = { version: 1, payload: { format: 'csv' } } as const;
      const [first, second] = await Promise.all([
        asha.enqueue('jobs__export_my_orders', call),
        asha.enqueue('jobs__export_my_orders', call),
      ]);
      expect(second.id).toBe(first.id);
      const result = await first.result();
      if (!result.ok) throw new Error(result.code);
      expect(result.data).toEqual({ user: 'Asha', format: 'csv', rows: 0 });

      const stranger = createMindoffClient<SampleApis>({
        baseUrl: server.url,
        token: 'demo-token-ravi',
      });
      expect(await stranger.task(first.id).result()).toMatchObject({
        ok: false,
        code: 'QUEUE_TASK_NOT_FOUND',
        status: 404,
      });
      const refused = await collect(stranger.task(first.id).progress()).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(MindoffCallRefused);
      expect((refused as MindoffCallRefused).code).toBe('QUEUE_TASK_NOT_FOUND');
    });

    it('rejects enqueue with MindoffCallRefused when the call is refused', async () => {
      const error = await client
        // @ts-expect-error report_name is a string
        .enqueue('jobs__generate_inventory_report', { version: 1, payload: { report_name: 7 } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MindoffCallRefused);
      expect((error as MindoffCallRefused).result).toMatchObject({
        ok: false,
        code: 'INVALID_PAYLOAD',
        status: 400,
        data: [expect.objectContaining({ path: 'report_name' })],
      });
    });
  });

  describe('answers that are not envelopes', () => {
    it('a closed port is a network error', async () => {
      const nowhere = createMindoffClient<SampleApis>({
        baseUrl: `http://127.0.0.1:${await closedPort()}`,
      });
      const error = await nowhere
        .call('shop__get_profile', { version: 1 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MindoffClientError);
      expect(error).toMatchObject({ kind: 'network' });
    });

    it('an HTML page is not_envelope, with its status and text', async () => {
      const misrouted = createMindoffClient({
        baseUrl: server.url,
        routes: { shop__get_profile: { '1': { method: 'GET', paths: ['/'], queued: false } } },
      });
      const error = await misrouted
        .call('shop__get_profile', { version: 1 })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'not_envelope', status: 200 });
      expect((error as MindoffClientError).body).toContain('<!doctype html>');
    });

    it('a path that serves no route table is not_served, naming the option', async () => {
      const lost = createMindoffClient<SampleApis>({ baseUrl: server.url, manifestPath: '/nope/' });
      const error = await lost.call('shop__get_profile', { version: 1 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'not_served', status: 404 });
      expect((error as Error).message).toContain('clientManifest: true');
    });

    it('an answer slower than timeoutMs is a timeout', async () => {
      const slow: FetchLike = async (url, init) => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return fetch(url, init);
      };
      const impatient = createMindoffClient<SampleApis>({
        baseUrl: server.url,
        fetch: slow,
        timeoutMs: 20,
      });
      const error = await impatient
        .call('shop__get_profile', { version: 1 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MindoffClientError);
      expect(error).toMatchObject({ kind: 'timeout' });
    });
  });

  it('API_RATE_LIMITED once an address sent too many bad tokens (last: it locks the address out)', async () => {
    const guesser = createMindoffClient<SampleApis>({ baseUrl: server.url, token: 'guess' });
    const codes: string[] = [];
    for (let i = 0; i < 11; i++) {
      codes.push((await guesser.call('shop__get_my_orders', { version: 1 })).code);
    }
    expect(codes.at(-1)).toBe('API_RATE_LIMITED');
    expect(new Set(codes.slice(0, -1))).toEqual(
      new Set(['AUTHENTICATION_FAILED', 'API_RATE_LIMITED']),
    );
  });
});

describe('mindoff/client under a global prefix', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(AppModule, 'fastify', { setup: (app) => app.setGlobalPrefix('api') });
  });
  afterAll(() => server.close());

  it('reads the prefixed routes from /api/mindoff/apis/ and follows a task under /api/mindoff/queue', async () => {
    const client = createMindoffClient<SampleApis>({
      baseUrl: server.url,
      manifestPath: '/api/mindoff/apis/',
    });
    expect((await client.routes()).taskBase).toBe('/api/mindoff/queue');
    const order = await client.call('orders__get_order', { version: 1, params: { order_id: 7 } });
    expect(order).toMatchObject({ ok: true, data: { order_id: 7 } });
    const task = await client.enqueue('jobs__generate_inventory_report', REPORT);
    expect((await collect(task.progress())).at(-1)).toMatchObject({ status: 'completed' });
  });
});
