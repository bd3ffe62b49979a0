import { HttpAdapterHost } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { MindoffConfigurationError } from 'mindoff';
import { AppOwnFilter, EnvelopeModule, INVALID_ORDER } from '../fixtures/envelope.module';
import { initOutcome } from '../support/init-outcome';
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
    expect([missing.status, missing.body.message.code]).toEqual([404, 'RESOURCE_NOT_FOUND']);
    expect(missing.body.data).toEqual({ detail: 'No such thing' });
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

  it('answers a result JSON cannot write (a BigInt) UNEXPECTED_ERR, as an exception', async () => {
    const res = await call(server.url, 'GET', '/plain/bigint');
    expect([res.status, res.body?.status, res.body?.message?.code]).toEqual([
      500,
      'exception',
      'UNEXPECTED_ERR',
    ]);
  });

  it('answers an unknown path ROUTE_NOT_FOUND, with the catalog text', async () => {
    const res = await call(server.url, 'GET', '/nowhere');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      status: 'fail',
      message: {
        code: 'ROUTE_NOT_FOUND',
        title: 'Not Found',
        description: 'No API matches this path.',
        category: 'danger',
      },
      data: [],
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

describe.each(ADAPTERS)("one error shape with envelope: 'all' on %s", (adapter) => {
  describe.each([
    ['at the root', '', ''],
    ["under the global prefix 'api'", 'api', '/api'],
  ])('%s', (_where, prefix, base) => {
    let server: RunningApp;
    beforeAll(async () => {
      server = await startApp(EnvelopeModule.with({ mindoff: { envelope: 'all' } }), adapter, {
        setup: (app) => {
          if (prefix) app.setGlobalPrefix(prefix);
        },
      });
    });
    afterAll(() => server.close());

    it.each([
      ['an unknown path', 'GET', '/no-such-route', undefined, 404, 'ROUTE_NOT_FOUND'],
      ['an unknown method', 'DELETE', '/plain', undefined, 404, 'ROUTE_NOT_FOUND'],
      ['a miss with a fragment', 'GET', '/no-such-route#frag', undefined, 404, 'ROUTE_NOT_FOUND'],
      ['a POST to an unknown path', 'POST', '/nowhere', '{"a":1}', 404, 'ROUTE_NOT_FOUND'],
      ['malformed JSON', 'POST', '/plain', '{"customer_id":', 400, 'MALFORMED_PAYLOAD'],
      ['the ValidationPipe', 'POST', '/plain', '{"customer_id":7}', 400, 'INVALID_PAYLOAD'],
      ['a NotFoundException', 'GET', '/plain/missing', undefined, 404, 'RESOURCE_NOT_FOUND'],
    ])('answers %s in the envelope', async (_what, method, path, body, status, code) => {
      const res = await call(server.url, method, base + path, {
        body,
        headers: body ? { 'content-type': 'application/json' } : {},
      });
      expect([res.status, res.body?.status, res.body?.message?.code]).toEqual([
        status,
        'fail',
        code,
      ]);
    });

    it('leaves a path outside the prefix to the framework, as without mindoff', async () => {
      if (!prefix) return expect(base).toBe('');
      const res = await call(server.url, 'GET', '/outside');
      expect([res.status, res.body?.message?.code]).toEqual([404, undefined]);
      expect(res.text).toContain('/outside');
    });
  });
});

describe.each(ADAPTERS)(
  "an app's own global exception filter with envelope: 'all' on %s",
  (adapter) => {
    const adapterOf = () => (adapter === 'fastify' ? new FastifyAdapter() : undefined);

    it('stops the app at startup when it comes through APP_FILTER, naming the filter and the fix', async () => {
      const error = await initOutcome(
        EnvelopeModule.with({ mindoff: { envelope: 'all' }, appFilter: true }),
        adapterOf(),
      );
      expect(error).toBeInstanceOf(MindoffConfigurationError);
      expect(error?.message).toContain('the global exception filter AppOwnFilter');
      expect(error?.message).toContain('@UseFilters(AppOwnFilter)');
    });

    it('stops the app at startup when it comes through app.useGlobalFilters()', async () => {
      const ref = await Test.createTestingModule({
        imports: [EnvelopeModule.with({ mindoff: { envelope: 'all' } })],
      }).compile();
      const created = adapterOf();
      const app = created
        ? ref.createNestApplication(created, { logger: false })
        : ref.createNestApplication({ logger: false });
      app.useGlobalFilters(new AppOwnFilter(app.get(HttpAdapterHost)));
      await expect(app.init()).rejects.toThrow(/global exception filter AppOwnFilter/);
      await app.close().catch(() => undefined);
    });

    it('keeps the app filter with the default envelope mode', async () => {
      const error = await initOutcome(
        EnvelopeModule.with({ mindoff: {}, appFilter: true }),
        adapterOf(),
      );
      expect(error).toBeUndefined();
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
