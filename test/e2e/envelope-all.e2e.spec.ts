import { Test } from '@nestjs/testing';
import { EnvelopeModule, INVALID_ORDER } from '../fixtures/envelope.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';

describe.each(ADAPTERS)("envelope: 'all' on %s", (adapter) => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(EnvelopeModule.with({ mindoff: { envelope: 'all' } }), adapter);
  });
  afterAll(() => server.close());

  it('answers every plain route in the envelope, its values and its errors', async () => {
    const list = await call(server.url, 'GET', '/plain');
    expect([list.status, list.body.message.code, list.body.data]).toEqual([
      200,
      'SUCCESS',
      [{ id: 1 }, { id: 2 }],
    ]);
    const status = await call(server.url, 'GET', '/status');
    expect(status.body.data).toEqual({ up: true });
    const missing = await call(server.url, 'GET', '/plain/missing');
    expect([missing.status, missing.body.message.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    const invalid = await call(server.url, 'POST', '/plain', { json: INVALID_ORDER });
    expect([invalid.status, invalid.body.message.code]).toEqual([400, 'INVALID_PAYLOAD']);
  });

  it('answers the SUCCESS status for a POST, as the catalog says, not Nest 201', async () => {
    const res = await call(server.url, 'POST', '/plain', {
      json: { customer_id: 'c_1', items: [] },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ created: 'c_1' });
  });

  it('envelopes a route that also carries @MindoffEnvelope() once', async () => {
    const res = await call(server.url, 'GET', '/orders/one');
    expect(res.body.data).toEqual({ order_id: 'o_1', total_qty: 3 });
  });

  it('leaves mindoff APIs, streams and @Res() handlers answering as before', async () => {
    const api = await call(server.url, 'GET', '/v1/shop/ping/');
    expect(api.body.data).toEqual({ pong: true });
    expect((await call(server.url, 'GET', '/orders/export')).text).toBe('sku,qty\ntea,2\n');
    expect((await call(server.url, 'GET', '/orders/raw')).text).toBe('written by the handler');
  });

  it('answers a malformed body for a plain route with 400 MALFORMED_PAYLOAD', async () => {
    const res = await call(server.url, 'POST', '/plain', {
      body: '{"customer_id":',
      headers: { 'content-type': 'application/json' },
    });
    expect([res.status, res.body.message.code]).toEqual([400, 'MALFORMED_PAYLOAD']);
  });

  it('leaves an unknown path to the answer it has without the option', async () => {
    const res = await call(server.url, 'GET', '/nowhere');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      message: 'Cannot GET /nowhere',
      error: 'Not Found',
      statusCode: 404,
    });
  });

  it('takes the option through forRootAsync too', async () => {
    const async = await startApp(
      EnvelopeModule.with({ mindoff: { envelope: 'all' }, async: true }),
      adapter,
    );
    try {
      expect((await call(async.url, 'GET', '/plain')).body.message.code).toBe('SUCCESS');
    } finally {
      await async.close();
    }
  });

  it('reports what class-validator expected and received when the pipe passes its errors on', async () => {
    const structured = await startApp(
      EnvelopeModule.with({ mindoff: { envelope: 'all' }, structuredErrors: true }),
      adapter,
    );
    try {
      const res = await call(structured.url, 'POST', '/plain', {
        json: { items: [{ sku: 'tea', qty: 1.5 }] },
      });
      expect(res.status).toBe(400);
      expect(res.body.message.code).toBe('INVALID_PAYLOAD');
      expect(res.body.data).toEqual([
        expect.objectContaining({ path: 'customer_id', code: 'required', expected: 'isString' }),
        expect.objectContaining({
          path: 'items[0].qty',
          code: 'schema',
          expected: 'isInt',
          received: 'number',
        }),
      ]);
    } finally {
      await structured.close();
    }
  });
});

describe.each(ADAPTERS)(
  "an app's own global exception filter with envelope: 'all' on %s",
  (adapter) => {
    it('gives way to the envelope on plain routes, and still answers unknown paths', async () => {
      const all = await startApp(
        EnvelopeModule.with({ mindoff: { envelope: 'all' }, appFilter: true }),
        adapter,
      );
      try {
        const missing = await call(all.url, 'GET', '/plain/missing');
        expect([missing.status, missing.body.message.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
        const nowhere = await call(all.url, 'GET', '/nowhere');
        expect(nowhere.status).toBe(418);
        expect(nowhere.body).toEqual({ handled_by: 'app', message: 'Cannot GET /nowhere' });
      } finally {
        await all.close();
      }
    });
  },
);

describe('the envelope module option', () => {
  it('stops the app at startup on an unknown value, naming the choices', async () => {
    const ref = Test.createTestingModule({
      imports: [EnvelopeModule.with({ mindoff: { envelope: 'every' as 'all' } })],
    });
    await expect(ref.compile()).rejects.toThrow(
      /envelope "every" is not an option; use 'decorated'/,
    );
  });
});
