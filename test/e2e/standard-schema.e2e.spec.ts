import { ZodModule } from '../fixtures/zod.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';

describe.each(ADAPTERS)('a Standard Schema (zod 4) payloadSchema on %s', (adapter) => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(ZodModule, adapter);
  });
  afterAll(() => server.close());

  it("hands run() the schema's output: defaults applied, unknown keys stripped", async () => {
    const res = await call(server.url, 'POST', '/v1/zod/create_order/', {
      json: { customer_id: 'c_1', items: [{ sku: 'tea', qty: 2 }], extra: 'dropped' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      payload: { customer_id: 'c_1', items: [{ sku: 'tea', qty: 2 }], note: 'none' },
      total_qty: 2,
    });
  });

  it('answers a bad body with 400 INVALID_PAYLOAD in the same issue format as the shorthand', async () => {
    const res = await call(server.url, 'POST', '/v1/zod/create_order/', {
      json: {
        customer_id: 'c_1',
        items: [
          { sku: 'tea', qty: 1 },
          { sku: 'cup', qty: 1.5 },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.message.code).toBe('INVALID_PAYLOAD');
    expect(res.body.data).toEqual([
      expect.objectContaining({ path: 'items[1].qty', code: 'schema', received: 'number' }),
    ]);
    expect(res.body.data[0].message).toMatch(/^items\[1\]\.qty: /);
  });

  it('reports a missing key at its path', async () => {
    const res = await call(server.url, 'POST', '/v1/zod/create_order/', { json: { items: [] } });
    expect(res.status).toBe(400);
    expect(res.body.data).toEqual([
      expect.objectContaining({ path: 'customer_id', code: 'schema', received: 'undefined' }),
    ]);
  });

  it('awaits an async schema: accepts a free code and refuses a taken one', async () => {
    const free = await call(server.url, 'POST', '/v1/zod/claim/', { json: { code: 'mine' } });
    expect(free.body.data).toEqual({ claimed: 'mine' });
    const taken = await call(server.url, 'POST', '/v1/zod/claim/', { json: { code: 'taken' } });
    expect(taken.status).toBe(400);
    expect(taken.body.data).toEqual([
      expect.objectContaining({ path: 'code', expected: 'code is taken' }),
    ]);
  });
});
