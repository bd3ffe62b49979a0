import { AppModule } from '../../sample/app.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';
import { rawRequest } from '../support/raw-http';
import { rateLimitOf } from 'mindoff/client';

const seedOrder = {
  customer_id: 'c_42',
  items: [
    { sku: 'tea', qty: 2 },
    { sku: 'cup', qty: 1 },
    { sku: 'tea', qty: 3 },
  ],
};
const shopOrder = {
  customer_name: 'Asha',
  customer_email: 'asha@example.com',
  product_name: 'Tea',
  quantity: 2,
};

describe.each(ADAPTERS)('the sample app on %s', (adapter) => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(AppModule, adapter);
  });
  afterAll(() => server.close());

  describe('orders/create_order', () => {
    it('answers the seed body with SUCCESS and the order summary', async () => {
      const res = await call(server.url, 'POST', '/v1/orders/create_order/', { json: seedOrder });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
      expect(res.body.message).toEqual({
        code: 'SUCCESS',
        title: 'Success',
        description: 'Operation completed successfully.',
        category: 'success',
      });
      expect(res.body.data).toEqual({
        order_id: expect.stringMatching(/^ord_/),
        total_qty: 6,
        unique_skus: ['cup', 'tea'],
      });
    });

    it('serves the path without the trailing slash too', async () => {
      const res = await call(server.url, 'POST', '/v1/orders/create_order', { json: seedOrder });
      expect(res.body.message.code).toBe('SUCCESS');
    });

    it('rejects an item with a fractional qty with 400 INVALID_PAYLOAD and a structured error', async () => {
      const body = {
        customer_id: 'c_42',
        items: [
          { sku: 'tea', qty: 1 },
          { sku: 'cup', qty: 1.5 },
        ],
      };
      const res = await call(server.url, 'POST', '/v1/orders/create_order/', { json: body });
      expect(res.status).toBe(400);
      expect(res.body.status).toBe('fail');
      expect(res.body.message.code).toBe('INVALID_PAYLOAD');
      expect(res.body.data).toEqual([
        expect.objectContaining({ path: 'items[1].qty', code: 'type', received: 'number' }),
      ]);
    });

    it('reports every missing key in strict mode', async () => {
      const res = await call(server.url, 'POST', '/v1/orders/create_order/', { json: {} });
      expect(res.status).toBe(400);
      expect(res.body.data.map((issue: { path: string }) => issue.path)).toEqual([
        'customer_id',
        'items',
      ]);
      expect(res.body.data.every((issue: { code: string }) => issue.code === 'required')).toBe(
        true,
      );
    });

    it('answers another method with 405 INVALID_METHOD and an Allow header', async () => {
      const res = await call(server.url, 'GET', '/v1/orders/create_order/');
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect(res.body.message.code).toBe('INVALID_METHOD');
    });

    it('answers malformed JSON with 400 MALFORMED_PAYLOAD', async () => {
      const res = await call(server.url, 'POST', '/v1/orders/create_order/', {
        body: '{"customer_id": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
      expect(res.body.message.code).toBe('MALFORMED_PAYLOAD');
    });

    it('answers a non-JSON content type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      const res = await call(server.url, 'POST', '/v1/orders/create_order/', {
        body: 'customer_id=c_42',
        headers: { 'content-type': 'text/plain' },
      });
      expect(res.status).toBe(415);
      expect(res.body.message.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('sends the RateLimit-Policy and RateLimit fields (draft -08) on allowed requests', async () => {
      const res = await call(server.url, 'POST', '/v1/orders/create_order/', { json: seedOrder });
      expect(res.headers.get('ratelimit-policy')).toBe('"orders__create_order:request";q=30;w=60');
      expect(res.headers.get('ratelimit')).toMatch(/^"orders__create_order:request";r=\d+;t=\d+$/);
      const state = rateLimitOf(res.headers)!;
      expect(state.remaining).toBeLessThan(30);
      expect(state.resetSeconds).toBeGreaterThan(0);
      expect(res.headers.get('ratelimit-limit')).toBeNull();
    });
  });

  describe('shop/get_profile', () => {
    it('answers GET with the profile', async () => {
      const res = await call(server.url, 'GET', '/v1/shop/get_profile/');
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        name: 'Asha',
        email: 'asha@example.com',
        membership: 'gold',
      });
    });

    it('never reads or validates a body sent with GET, even a malformed one', async () => {
      const body = '{"not json';
      const res = await rawRequest(
        server.url,
        `GET /v1/shop/get_profile/ HTTP/1.1\nHost: localhost\nContent-Type: application/json\nContent-Length: ${body.length}\nConnection: close\n`,
        [body],
      );
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).message.code).toBe('SUCCESS');
    });
  });

  describe('orders/get_order', () => {
    it.each(['/v1/orders/get_order/12/', '/v1/orders/12/'])(
      'answers %s with the typed order id',
      async (path) => {
        const res = await call(server.url, 'GET', path);
        expect([res.status, res.body.data]).toEqual([200, { order_id: 12 }]);
      },
    );

    it('adds the items with ?include_items=true', async () => {
      const res = await call(server.url, 'GET', '/v1/orders/12/?include_items=true');
      expect(res.body.data).toEqual({
        order_id: 12,
        items: [
          { sku: 'SKU-12-A', quantity: 1 },
          { sku: 'SKU-12-B', quantity: 1 },
        ],
      });
    });

    it('refuses a bad order id or query value with INVALID_PAYLOAD', async () => {
      const bad = await call(server.url, 'GET', '/v1/orders/get_order/twelve/?include_items=maybe');
      expect([bad.status, bad.body.message.code]).toEqual([400, 'INVALID_PAYLOAD']);
      expect(bad.body.data.map((issue: { path: string }) => issue.path)).toEqual([
        'params.order_id',
      ]);
      const query = await call(server.url, 'GET', '/v1/orders/12/?include_items=maybe');
      expect(query.body.data.map((issue: { path: string }) => issue.path)).toEqual([
        'query.include_items',
      ]);
    });

    it('leaves orders/create_order to its own API', async () => {
      const res = await call(server.url, 'GET', '/v1/orders/create_order/');
      expect([res.status, res.body.message.code]).toEqual([405, 'INVALID_METHOD']);
    });
  });

  describe('shop/create_order', () => {
    it('marks v1 deprecated, with its sunset and v2 as its successor', async () => {
      const v1 = await call(server.url, 'POST', '/v1/shop/create_order/', { json: shopOrder });
      expect(v1.headers.get('deprecation')).toBe('@0');
      expect(v1.headers.get('sunset')).toBe('Wed, 30 Jun 2027 00:00:00 GMT');
      expect(v1.headers.get('link')).toBe('</v2/shop/create_order/>; rel="successor-version"');
      const v2 = await call(server.url, 'POST', '/v2/shop/create_order/', { json: shopOrder });
      expect(v2.headers.get('deprecation')).toBeNull();
    });

    it('creates an order in v1 with the app-defined ORDER_CREATED code (201)', async () => {
      const res = await call(server.url, 'POST', '/v1/shop/create_order/', { json: shopOrder });
      expect(res.status).toBe(201);
      expect(res.body.message).toEqual({
        code: 'ORDER_CREATED',
        title: 'Order Created',
        description: 'Your order has been placed.',
        category: 'success',
      });
      expect(res.body.data).toEqual({
        order_id: expect.stringMatching(/^ord_/),
        customer_name: 'Asha',
        product_name: 'Tea',
        quantity: 2,
        status: 'created',
      });
    });

    it('adds the delivery estimate and summary in v2', async () => {
      const res = await call(server.url, 'POST', '/v2/shop/create_order/', { json: shopOrder });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({
        estimated_delivery_days: 3,
        order_summary: '2 x Tea for Asha',
        status: 'created',
      });
    });

    it('answers business-rule failures with VALIDATION_ERR and field messages', async () => {
      const res = await call(server.url, 'POST', '/v1/shop/create_order/', {
        json: {
          customer_name: ' ',
          customer_email: 'not-an-email',
          product_name: 'Tea',
          quantity: 0,
        },
      });
      expect(res.status).toBe(400);
      expect(res.body.message.code).toBe('VALIDATION_ERR');
      expect(res.body.data).toEqual({
        errors: {
          customer_name: 'This field is required.',
          customer_email: 'Enter a valid email address.',
          quantity: 'Must be greater than 0.',
        },
      });
    });

    it('rejects a body nested deeper than maxPayloadDepth 2', async () => {
      const res = await call(server.url, 'POST', '/v1/shop/create_order/', {
        json: { ...shopOrder, extra: { a: { b: 1 } } },
      });
      expect(res.status).toBe(400);
      expect(res.body.message.code).toBe('INVALID_PAYLOAD');
      expect(res.body.data[0].code).toBe('too_deep');
    });

    it('accepts a 1.5 MB body under its own 2 MB limit (the framework default does not cut it)', async () => {
      const res = await call(server.url, 'POST', '/v1/shop/create_order/', {
        json: { ...shopOrder, note: 'x'.repeat(1.5 * 1024 * 1024) },
      });
      expect(res.status).toBe(201);
    });

    it('rejects a body over maxPayloadSize 2 with 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await call(server.url, 'POST', '/v1/shop/create_order/', {
        json: { ...shopOrder, note: 'x'.repeat(2 * 1024 * 1024) },
      });
      expect(res.status).toBe(413);
      expect(res.body.message.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('answers an unknown version with 404 INVALID_API_VERSION and the available versions', async () => {
      const res = await call(server.url, 'POST', '/v3/shop/create_order/', { json: shopOrder });
      expect(res.status).toBe(404);
      expect(res.body.message.code).toBe('INVALID_API_VERSION');
      expect(res.body.data).toEqual({ available_versions: [1, 2] });
    });
  });

  describe('GET /health (@nestjs/terminus)', () => {
    it("answers 200 with the queue's and the rate-limit store's health", async () => {
      const res = await call(server.url, 'GET', '/health');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
      expect(res.body.details).toEqual({
        queue: expect.objectContaining({ status: 'up', driver: 'embedded', waiting: 0 }),
        rateLimit: { status: 'up', store: 'memory' },
      });
    });
  });

  describe('routes', () => {
    it('answers an unknown API under a mindoff app with 404 ROUTE_NOT_FOUND', async () => {
      const res = await call(server.url, 'GET', '/v1/shop/nothing_here/');
      expect(res.status).toBe(404);
      expect(res.body.message.code).toBe('ROUTE_NOT_FOUND');
    });

    it("leaves paths outside mindoff apps to Nest's own 404", async () => {
      const res = await call(server.url, 'GET', '/elsewhere');
      expect(res.status).toBe(404);
      expect(res.body.message).not.toHaveProperty('code');
    });
  });

  describe('shop/get_my_orders (bearer auth + IsAuthenticated)', () => {
    it('answers no credentials with 401 NOT_AUTHENTICATED', async () => {
      const res = await call(server.url, 'GET', '/v1/shop/get_my_orders/');
      expect(res.status).toBe(401);
      expect(res.body.message.code).toBe('NOT_AUTHENTICATED');
    });

    it('answers a bad token with 401 AUTHENTICATION_FAILED', async () => {
      const res = await call(server.url, 'GET', '/v1/shop/get_my_orders/', {
        headers: { authorization: 'Bearer nope' },
      });
      expect(res.status).toBe(401);
      expect(res.body.message.code).toBe('AUTHENTICATION_FAILED');
    });

    it("answers the demo token with the user's orders", async () => {
      const res = await call(server.url, 'GET', '/v1/shop/get_my_orders/', {
        headers: { authorization: 'Bearer demo-token-asha' },
      });
      expect(res.status).toBe(200);
      expect(res.body.data.customer).toBe('Asha');
    });
  });

  // The queue APIs validate the body before a task is queued, as direct APIs do: a body that is
  // not an object answers the schema's envelope, never a task that crashes on it later.
  describe.each([
    { api: 'jobs/export_my_orders', good: { format: 'csv' } },
    { api: 'jobs/generate_inventory_report', good: { report_name: 'Weekly' } },
  ])('$api (queue mode)', ({ api, good }) => {
    const asha = { authorization: 'Bearer demo-token-asha' };

    it.each([['null'], ['[]'], ['"csv"'], ['7']])(
      'answers the JSON body %s with 400 INVALID_PAYLOAD and queues nothing',
      async (body) => {
        const res = await call(server.url, 'POST', `/v1/${api}/`, {
          body,
          headers: { ...asha, 'content-type': 'application/json' },
        });
        expect({ status: res.status, code: res.body?.message?.code }).toEqual({
          status: 400,
          code: 'INVALID_PAYLOAD',
        });
        expect(res.body.data).not.toHaveProperty('task_id');
      },
    );

    it('queues a valid body', async () => {
      const res = await call(server.url, 'POST', `/v1/${api}/`, { json: good, headers: asha });
      expect(res.body.message.code).toBe('QUEUED');
    });
  });
});
