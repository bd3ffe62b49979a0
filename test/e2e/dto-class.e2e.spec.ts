import { DtoModule } from '../fixtures/dto.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';

describe.each(ADAPTERS)('a class-validator DTO payloadSchema on %s', (adapter) => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(DtoModule, adapter);
  });
  afterAll(() => server.close());

  it('hands run() an instance of the DTO class', async () => {
    const res = await call(server.url, 'POST', '/v1/dto/create_order/', {
      json: {
        customer_id: 'c_1',
        items: [
          { sku: 'tea', qty: 2 },
          { sku: 'cup', qty: 3 },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ is_instance: true, total_qty: 5 });
  });

  it('answers nested errors with 400 INVALID_PAYLOAD at their paths', async () => {
    const res = await call(server.url, 'POST', '/v1/dto/create_order/', {
      json: {
        customer_id: 'c_1',
        items: [
          { sku: 'tea', qty: 2 },
          { sku: 'cup', qty: 1.5 },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.message.code).toBe('INVALID_PAYLOAD');
    expect(res.body.data).toEqual([
      expect.objectContaining({
        path: 'items[1].qty',
        code: 'schema',
        expected: 'isInt',
        received: 'number',
      }),
    ]);
  });

  it('reports a missing property as required in strict mode and skips it in basic mode', async () => {
    const strict = await call(server.url, 'POST', '/v1/dto/create_order/', { json: { items: [] } });
    expect(strict.status).toBe(400);
    expect(strict.body.data[0]).toMatchObject({
      path: 'customer_id',
      code: 'required',
      received: 'undefined',
    });
    const basic = await call(server.url, 'POST', '/v1/dto/patch_order/', { json: { items: [] } });
    expect(basic.status).toBe(200);
    expect(basic.body.data).toEqual({ customer_id: null });
  });

  it('answers a top-level array with 400 INVALID_PAYLOAD', async () => {
    const res = await call(server.url, 'POST', '/v1/dto/create_order/', {
      json: [{ customer_id: 'c_1' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.data[0]).toMatchObject({ path: '', code: 'type', received: 'array' });
  });
});
