import { Logger } from '@nestjs/common';
import { EnvelopeModule, INVALID_ORDER } from '../fixtures/envelope.module';
import { ADAPTERS, call, startApp, type Answer, type RunningApp } from '../support/http-app';

const ENVELOPE_KEYS = ['data', 'message', 'status'];

describe.each(ADAPTERS)('plain controllers adopting the envelope on %s', (adapter) => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(EnvelopeModule.with({ mindoff: {} }), adapter);
  });
  afterAll(() => server.close());

  describe('a controller with @MindoffEnvelope()', () => {
    it('answers a returned value as data of the SUCCESS envelope, with 200', async () => {
      const res = await call(server.url, 'GET', '/orders/one');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'ok',
        message: {
          code: 'SUCCESS',
          title: 'Success',
          description: 'Operation completed successfully.',
          category: 'success',
        },
        data: { order_id: 'o_1', total_qty: 3 },
      });
    });

    it('answers a returned MindoffResponse with its own code, CREATED', async () => {
      const res = await call(server.url, 'POST', '/orders', {
        json: { customer_id: 'c_1', items: [{ sku: 'tea', qty: 2 }] },
      });
      expect(res.status).toBe(200);
      expect(res.body.message.code).toBe('CREATED');
      expect(res.body.data).toEqual({ customer_id: 'c_1' });
    });

    it('keeps the status set with @HttpCode() on the SUCCESS envelope', async () => {
      const res = await call(server.url, 'GET', '/orders/accepted');
      expect(res.status).toBe(202);
      expect(res.body.message.code).toBe('SUCCESS');
      expect(res.body.data).toEqual({ queued: true });
    });

    it('answers a handler that returns nothing with data []', async () => {
      const res = await call(server.url, 'GET', '/orders/nothing');
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([]);
    });

    it('answers NotFoundException with 404 RESOURCE_NOT_FOUND, its message as data.detail', async () => {
      const res = await call(server.url, 'GET', '/orders/missing');
      expect(res.status).toBe(404);
      expect(res.body.status).toBe('fail');
      expect(res.body.message).toMatchObject({
        code: 'RESOURCE_NOT_FOUND',
        title: 'Not Found',
        description: 'The requested resource does not exist.',
      });
      expect(res.body.data).toEqual({ detail: 'No order o_9' });
    });

    it('answers UnauthorizedException with 401 NOT_AUTHENTICATED and ForbiddenException with 403 PERMISSION_DENIED', async () => {
      const unauthorized = await call(server.url, 'GET', '/orders/private');
      const forbidden = await call(server.url, 'GET', '/orders/forbidden');
      expect([unauthorized.status, unauthorized.body.message.code]).toEqual([
        401,
        'NOT_AUTHENTICATED',
      ]);
      expect([forbidden.status, forbidden.body.message.code]).toEqual([403, 'PERMISSION_DENIED']);
      expect([unauthorized.body.data, forbidden.body.data]).toEqual([[], []]);
    });

    it('answers a global ValidationPipe rejection with 400 INVALID_PAYLOAD and every issue at its path', async () => {
      const res = await call(server.url, 'POST', '/orders', { json: INVALID_ORDER });
      expect(res.status).toBe(400);
      expect(res.body.message.code).toBe('INVALID_PAYLOAD');
      expect(res.body.data).toEqual(
        expect.arrayContaining([
          { path: 'coupon', code: 'schema', message: 'property coupon should not exist' },
          {
            path: 'items[0].qty',
            code: 'schema',
            message: 'items.0.qty must be an integer number',
          },
        ]),
      );
      expect(res.body.data).toHaveLength(2);
    });

    it('answers a ThrottlerGuard refusal with 429 API_RATE_LIMITED, keeping its Retry-After header', async () => {
      expect((await call(server.url, 'GET', '/orders/limited')).status).toBe(200);
      const res = await call(server.url, 'GET', '/orders/limited');
      expect(res.status).toBe(429);
      expect(res.body.message).toMatchObject({ code: 'API_RATE_LIMITED', category: 'warning' });
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(res.body.data).toEqual({ retry_after_seconds: retryAfter });
    });

    it('answers an unexpected error with 500 UNEXPECTED_ERR, logging its stack and sending none of it', async () => {
      const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      try {
        const res = await call(server.url, 'GET', '/orders/crash');
        expect(res.status).toBe(500);
        expect(res.body.status).toBe('exception');
        expect(res.body.message.code).toBe('UNEXPECTED_ERR');
        expect(res.body.data).toEqual([]);
        expect(res.text).not.toMatch(/hunter2|envelope\.controllers|at /);
        expect(logged).toHaveBeenCalledWith(expect.stringMatching(/hunter2[\s\S]*\n\s+at /));
      } finally {
        logged.mockRestore();
      }
    });

    it('sends a StreamableFile as it is', async () => {
      const res = await call(server.url, 'GET', '/orders/export');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv');
      expect(res.text).toBe('sku,qty\ntea,2\n');
    });

    it('streams an @Sse() handler as it is', async () => {
      const res = await call(server.url, 'GET', '/orders/events');
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(res.text).toContain('data: {"step":1}');
      expect(res.text).toContain('data: {"step":2}');
      expect(res.text).not.toContain('SUCCESS');
    });

    it('leaves a handler that answers through @Res() alone', async () => {
      const res = await call(server.url, 'GET', '/orders/raw');
      expect(res.status).toBe(200);
      expect(res.text).toBe('written by the handler');
    });
  });

  describe('a controller with @MindoffEnvelope() on one handler', () => {
    it('answers that handler in the envelope', async () => {
      const res = await call(server.url, 'GET', '/status/version');
      expect(Object.keys(res.body).sort()).toEqual(ENVELOPE_KEYS);
      expect(res.body.data).toEqual({ version: '1.2.0' });
    });

    it('answers its other handlers as before', async () => {
      const res = await call(server.url, 'GET', '/status');
      expect(res.body).toEqual({ up: true });
    });
  });
});

/** Requests to `PlainController`, which no scenario decorates. */
const PLAIN_REQUESTS: [string, string, { json?: unknown }][] = [
  ['GET', '/plain', {}],
  ['GET', '/plain/text', {}],
  ['POST', '/plain', { json: { customer_id: 'c_1', items: [] } }],
  ['POST', '/plain', { json: INVALID_ORDER }],
  ['GET', '/plain/missing', {}],
  ['GET', '/plain/crash', {}],
  ['GET', '/nowhere', {}],
];

/** An answer as compared byte for byte: status, headers (but the date) and body. */
function exact(res: Answer): unknown {
  const headers = [...res.headers.entries()].filter(([name]) => name !== 'date');
  return { status: res.status, headers, text: res.text };
}

async function answersOf(server: RunningApp): Promise<unknown[]> {
  const answers = [];
  for (const [method, path, options] of PLAIN_REQUESTS) {
    answers.push(exact(await call(server.url, method, path, options)));
  }
  return answers;
}

describe.each(ADAPTERS)('an undecorated controller on %s', (adapter) => {
  it('answers byte for byte as in the same app without mindoff', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const without = await startApp(EnvelopeModule.with(), adapter);
    const withMindoff = await startApp(EnvelopeModule.with({ mindoff: {} }), adapter);
    try {
      const expected = await answersOf(without);
      expect(await answersOf(withMindoff)).toEqual(expected);
      expect(expected[0]).toMatchObject({ status: 200, text: '[{"id":1},{"id":2}]' });
    } finally {
      await Promise.all([without.close(), withMindoff.close()]);
      logged.mockRestore();
    }
  });
});

describe.each(ADAPTERS)("an app's own global exception filter on %s", (adapter) => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(EnvelopeModule.with({ mindoff: {}, appFilter: true }), adapter);
  });
  afterAll(() => server.close());

  it('still answers the errors of undecorated routes', async () => {
    const res = await call(server.url, 'GET', '/plain/missing');
    expect(res.status).toBe(418);
    expect(res.body).toEqual({ handled_by: 'app', message: 'No such thing' });
  });

  it('gives way to the envelope on decorated routes', async () => {
    const res = await call(server.url, 'GET', '/orders/missing');
    expect([res.status, res.body.message.code]).toEqual([404, 'RESOURCE_NOT_FOUND']);
  });
});
