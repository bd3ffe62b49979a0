import { randomUUID } from 'node:crypto';
import { createRealApp, type RealApp } from '../apps/real-app/real-app';
import { ADAPTERS } from '../support/http-app';
import { exchange, type ExchangeAnswer } from '../support/http-exchange';
import { ReportGate } from '../apps/real-app/jobs/report-gate';
import { rawRequest } from '../support/raw-http';
import { openStream } from '../support/sse-client';

/** An answer with its body parsed as JSON (`undefined` when it is not JSON). */
interface Parsed extends ExchangeAnswer {
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- an envelope of any shape
}

const MB = 1024 * 1024;
const order = {
  customer_id: 'c_42',
  items: [
    { sku: 'tea', qty: 2 },
    { sku: 'cup', qty: 1 },
    { sku: 'tea', qty: 1 },
  ],
};
/** What `shop__create_order` answers for `order`: proof that the whole body arrived. */
const summary = {
  customer_id: 'c_42',
  received_keys: ['customer_id', 'items'],
  item_count: 3,
  total_qty: 4,
  skus: ['cup', 'tea'],
};
/** A 1.5 MB JSON body, over the order API's 1 MB `maxPayloadSize`. */
const oversized = JSON.stringify({ ...order, pad: 'x'.repeat(1.5 * MB) });

function parse(answer: ExchangeAnswer): Parsed {
  try {
    return { ...answer, body: JSON.parse(answer.text) };
  } catch {
    return { ...answer, body: undefined };
  }
}

/** The parts of an answer that say which envelope it is. */
const envelopeOf = (answer: { status: number; body: Parsed['body'] }) => ({
  status: answer.status,
  envelope: answer.body?.status ?? null,
  code: answer.body?.message?.code ?? null,
});

describe.each(ADAPTERS)('mindoff inside a real app on %s', (adapter) => {
  let server: RealApp;
  beforeAll(async () => {
    server = await createRealApp({ adapter, mindoff: true });
  });
  afterAll(() => server?.close());

  const send = async (
    method: string,
    path: string,
    options: { json?: unknown; body?: string | Buffer; headers?: Record<string, string> } = {},
  ): Promise<Parsed> => {
    const headers = { ...options.headers };
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    return parse(await exchange(server.url, { method, path, headers, body }));
  };

  /** A path the router may or may not serve: served means the full pipeline, body included. */
  const expectServedOrEnvelope404 = (answer: Parsed) => {
    if (answer.status === 200) {
      expect(answer.body?.data).toEqual(summary);
    } else {
      expect(envelopeOf(answer)).toEqual({
        status: 404,
        envelope: 'fail',
        code: answer.body?.message?.code,
      });
      expect(['ROUTE_NOT_FOUND', 'INVALID_API_VERSION']).toContain(answer.body.message.code);
    }
  };

  describe('an API under the global prefix', () => {
    it('serves POST /api/v1/shop/create_order/ with the whole body', async () => {
      const res = await send('POST', '/api/v1/shop/create_order/', { json: order });
      expect(envelopeOf(res)).toEqual({ status: 200, envelope: 'ok', code: 'SUCCESS' });
      expect(res.body.data).toEqual(summary);
    });

    it('serves the path without its trailing slash with the whole body', async () => {
      const res = await send('POST', '/api/v1/shop/create_order', { json: order });
      expect(envelopeOf(res)).toEqual({ status: 200, envelope: 'ok', code: 'SUCCESS' });
      expect(res.body.data).toEqual(summary);
    });

    it('gives an upper-case path the full pipeline: served with the whole body, or a 404 envelope', async () => {
      expectServedOrEnvelope404(await send('POST', '/api/V1/shop/create_order/', { json: order }));
    });

    it('gives a percent-encoded path (create%5Forder) the full pipeline: served with the whole body, or a 404 envelope', async () => {
      expectServedOrEnvelope404(
        await send('POST', '/api/v1/shop/create%5Forder/', { json: order }),
      );
    });

    it('serves an absolute-form request line with the whole body', async () => {
      const body = JSON.stringify(order);
      const { host } = new URL(server.url);
      const res = await rawRequest(
        server.url,
        `POST ${server.url}/api/v1/shop/create_order/ HTTP/1.1\nHost: ${host}\nContent-Type: application/json\nContent-Length: ${Buffer.byteLength(body)}\nConnection: close\n`,
        [body],
      );
      const parsed = parse({ status: res.status, headers: {}, text: res.body });
      expect(envelopeOf(parsed)).toEqual({ status: 200, envelope: 'ok', code: 'SUCCESS' });
      expect(parsed.body.data).toEqual(summary);
    });

    it.each([
      ['a fragment', '/api/v1/shop/create_order/#frag'],
      ['a 500 KB body and a fragment', '/api/v1/shop/create_order/#frag', 500 * 1024],
      ['a 500 KB body', '/api/v1/shop/create_order/', 500 * 1024],
    ])('serves a request with %s with the whole body', async (_what, target, pad = 0) => {
      const body = JSON.stringify(pad ? { ...order, pad: 'x'.repeat(pad) } : order);
      const { host } = new URL(server.url);
      const res = await rawRequest(
        server.url,
        `POST ${target} HTTP/1.1\nHost: ${host}\nContent-Type: application/json\nContent-Length: ${Buffer.byteLength(body)}\nConnection: close\n`,
        [body],
      );
      const parsed = parse({ status: res.status, headers: {}, text: res.body });
      // The pipeline judges the body against the API's 1 MB, not express.json's 100 kb.
      expect(envelopeOf(parsed)).toEqual({ status: 200, envelope: 'ok', code: 'SUCCESS' });
      const keys = pad ? [...summary.received_keys, 'pad'] : summary.received_keys;
      expect(parsed.body.data).toEqual({ ...summary, received_keys: keys });
    });

    it.each(['/api/v1/shop/create_order/', '/api/v1/shop/create_order'])(
      "answers a CORS preflight on %s as the app's CORS says",
      async (path) => {
        const res = await send('OPTIONS', path, {
          headers: {
            origin: 'https://example.test',
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
        expect(res.status).toBe(204);
        expect(res.headers['access-control-allow-origin']).toBe('https://example.test');
      },
    );

    it('answers a body that breaks the schema with 400 INVALID_PAYLOAD', async () => {
      const res = await send('POST', '/api/v1/shop/create_order/', {
        json: { customer_id: 'c_42', items: [{ sku: 'tea', qty: 'two' }] },
      });
      expect(envelopeOf(res)).toEqual({ status: 400, envelope: 'fail', code: 'INVALID_PAYLOAD' });
      expect(res.body.data[0]).toMatchObject({ path: 'items[0].qty', code: 'type' });
    });

    it('answers a 1.5 MB body with an honest Content-Length with 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await send('POST', '/api/v1/shop/create_order/', {
        body: oversized,
        headers: { 'content-type': 'application/json' },
      });
      expect(envelopeOf(res)).toEqual({ status: 413, envelope: 'fail', code: 'PAYLOAD_TOO_LARGE' });
    });

    it('cuts a 1.5 MB chunked body with no Content-Length at the limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const step = 256 * 1024;
      const chunks: string[] = [];
      for (let at = 0; at < oversized.length; at += step) {
        const piece = oversized.slice(at, at + step);
        chunks.push(`${Buffer.byteLength(piece).toString(16)}\r\n${piece}\r\n`);
      }
      const res = await rawRequest(
        server.url,
        'POST /api/v1/shop/create_order/ HTTP/1.1\nHost: localhost\nContent-Type: application/json\nTransfer-Encoding: chunked\nConnection: close\n',
        [...chunks, '0\r\n\r\n'],
      );
      const parsed = parse({ status: res.status, headers: {}, text: res.body });
      expect(envelopeOf(parsed)).toEqual({
        status: 413,
        envelope: 'fail',
        code: 'PAYLOAD_TOO_LARGE',
      });
    });

    it('answers an application/xml body with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      const res = await send('POST', '/api/v1/shop/create_order/', {
        body: '<order><customer_id>c_42</customer_id></order>',
        headers: { 'content-type': 'application/xml' },
      });
      expect(envelopeOf(res)).toEqual({
        status: 415,
        envelope: 'fail',
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
    });

    it('hands run() every key of a strict payload: the app’s global ValidationPipe neither strips nor rejects it', async () => {
      const exact = { customer_id: 'c_7', items: [{ sku: 'mug', qty: 5 }] };
      const res = await send('POST', '/api/v1/shop/create_order/', { json: exact });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        customer_id: 'c_7',
        received_keys: ['customer_id', 'items'],
        item_count: 1,
        total_qty: 5,
        skus: ['mug'],
      });
    });
  });

  describe('versions and unknown paths', () => {
    it('serves each version of get_profile with its own number', async () => {
      const v1 = await send('GET', '/api/v1/shop/get_profile/');
      const v2 = await send('GET', '/api/v2/shop/get_profile/');
      expect([v1.status, v1.body?.data?.version]).toEqual([200, 1]);
      expect([v2.status, v2.body?.data?.version]).toEqual([200, 2]);
    });

    it('answers an unknown version with 404 INVALID_API_VERSION listing versions 1 and 2', async () => {
      const res = await send('GET', '/api/v9/shop/get_profile/');
      expect(envelopeOf(res)).toEqual({
        status: 404,
        envelope: 'fail',
        code: 'INVALID_API_VERSION',
      });
      expect(res.body.data.available_versions).toEqual([1, 2]);
    });

    it.each(['/api/v1.5/shop/get_profile/', '/api/v-1/shop/get_profile/'])(
      'answers the malformed version in %s with 404 INVALID_API_VERSION',
      async (path) => {
        const res = await send('GET', path);
        expect(envelopeOf(res)).toEqual({
          status: 404,
          envelope: 'fail',
          code: 'INVALID_API_VERSION',
        });
      },
    );

    it('answers an unknown API of a known app with 404 ROUTE_NOT_FOUND', async () => {
      const res = await send('GET', '/api/v1/shop/nope/');
      expect(envelopeOf(res)).toEqual({ status: 404, envelope: 'fail', code: 'ROUTE_NOT_FOUND' });
    });

    it.each(['/api/v1//shop/get_profile/', '/api/v1/shop%2fget_profile/'])(
      'answers %s, which names no API, with 404 ROUTE_NOT_FOUND',
      async (path) => {
        const res = await send('GET', path);
        expect(envelopeOf(res)).toEqual({
          status: 404,
          envelope: 'fail',
          code: 'ROUTE_NOT_FOUND',
        });
      },
    );

    it('serves the version map RouterModule mounts at /api/backoffice/v1/stats/summary/', async () => {
      const res = await send('GET', '/api/backoffice/v1/stats/summary/');
      expect(envelopeOf(res)).toEqual({ status: 200, envelope: 'ok', code: 'SUCCESS' });
      expect(res.body.data).toEqual({ orders_today: 12, revenue_cents: 34_000 });
    });
  });

  describe('queue mode under the global prefix', () => {
    let ack: Parsed;
    let finished: Promise<Parsed> | undefined;
    beforeAll(async () => {
      ack = await send('POST', '/api/v1/jobs/report/', { json: { report_name: 'weekly' } });
    });

    const task = () => ack.body?.data ?? {};
    const pathOf = (url: unknown) => {
      if (typeof url !== 'string')
        throw new Error(`the acknowledgment has no such URL: ${ack.text}`);
      return new URL(url, server.url).pathname;
    };

    /** Reads response_url until the task has finished (backing off to 250 ms), at most 10 s. */
    const untilFinished = () =>
      (finished ??= (async () => {
        const deadline = Date.now() + 10_000;
        for (let pause = 20; ; pause = Math.min(250, pause * 1.5)) {
          const res = await send('GET', pathOf(task().response_url));
          if (res.body?.message?.code === 'SUCCESS' || Date.now() > deadline) return res;
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      })());

    it('acknowledges with QUEUED and task URLs under /api/mindoff/queue/', async () => {
      expect(envelopeOf(ack)).toEqual({ status: 200, envelope: 'ok', code: 'QUEUED' });
      const root = `/api/mindoff/queue/${task().queue_id}`;
      expect(task()).toMatchObject({
        response_url: `${root}/`,
        status_stream_url: `${root}/stream/`,
        stream_ticket_url: `${root}/stream-ticket/`,
        cancel_url: `${root}/cancel/`,
        retry_url: `${root}/retry/`,
      });
    });

    it('answers response_url with the finished task’s envelope', async () => {
      const res = await untilFinished();
      expect(envelopeOf(res)).toEqual({ status: 200, envelope: 'ok', code: 'SUCCESS' });
      expect(res.body.data).toEqual({ report_name: 'weekly', rows: 3 });
    });

    it('answers status_stream_url with an event stream ending in the completed state', async () => {
      await untilFinished();
      const res = await send('GET', pathOf(task().status_stream_url));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(res.text).toContain('"job_status":"completed"');
    });

    it('streams each state as it happens through helmet, compression and an interceptor that sets a header per value', async () => {
      const queued = await send('POST', '/api/v1/jobs/slow_report/', { json: {} });
      expect(queued.body?.message?.code).toBe('QUEUED');
      // fetch asks for gzip and br; the task cannot finish before the gate opens, so each state
      // read here was flushed on its own.
      const stream = await openStream(server.url + queued.body.data.status_stream_url);
      try {
        expect(stream.status).toBe(200);
        expect(stream.headers.get('content-encoding')).toBeNull();
        const seen: string[] = [];
        for (let event = await stream.nextData(); event; event = await stream.nextData()) {
          seen.push(`${event.parsed.job_status}:${event.parsed.progress?.current_step ?? ''}`);
          if (seen.at(-1) === 'running:started') break;
        }
        expect(seen.at(-1)).toBe('running:started');
        server.app.get(ReportGate).open();
        const rest: string[] = [];
        for (let event = await stream.next(); event; event = await stream.next()) {
          expect(event.data ?? '').not.toContain('Internal server error');
          if (event.data) rest.push(JSON.parse(event.data).job_status);
        }
        expect(rest.at(-1)).toBe('completed');
      } finally {
        stream.close();
      }
      const after = await send('GET', '/api/users');
      expect(after.headers['x-served-by']).toBe('real-app');
    });

    it('answers stream_ticket_url with a ticket', async () => {
      const res = await send('POST', pathOf(task().stream_ticket_url));
      expect(envelopeOf(res)).toEqual({ status: 200, envelope: 'ok', code: 'SUCCESS' });
      expect(res.body.data.ticket).toEqual(expect.any(String));
    });

    it('answers cancel_url and retry_url of a finished task with their 400 envelopes', async () => {
      await untilFinished();
      const cancel = await send('POST', pathOf(task().cancel_url));
      const retry = await send('POST', pathOf(task().retry_url));
      expect(envelopeOf(cancel)).toEqual({
        status: 400,
        envelope: 'fail',
        code: 'QUEUE_TASK_NOT_CANCELLABLE',
      });
      expect(envelopeOf(retry)).toEqual({
        status: 400,
        envelope: 'fail',
        code: 'QUEUE_TASK_NOT_RETRIABLE',
      });
    });

    it('answers a 1,000-character task id with 404 QUEUE_TASK_NOT_FOUND, not a bare 414', async () => {
      const res = await send('GET', `/api/mindoff/queue/${'a'.repeat(1000)}/`);
      expect(envelopeOf(res)).toEqual({
        status: 404,
        envelope: 'fail',
        code: 'QUEUE_TASK_NOT_FOUND',
      });
    });

    it('answers DELETE on a task with 405 INVALID_METHOD and an Allow header', async () => {
      const res = await send('DELETE', `/api/mindoff/queue/${task().queue_id}/`);
      expect(envelopeOf(res)).toEqual({ status: 405, envelope: 'fail', code: 'INVALID_METHOD' });
      expect(res.headers.allow).toBe('GET, HEAD');
    });
  });

  describe('the app’s own global enhancers', () => {
    it('lets the app’s ThrottlerGuard count the one API without @SkipThrottle(): its third call in a minute is 429 API_RATE_LIMITED with Retry-After', async () => {
      const answers: Parsed[] = [];
      for (let i = 0; i < 3; i++) answers.push(await send('GET', '/api/v1/shop/get_offers/'));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
      expect(answers[0]!.headers['x-ratelimit-limit']).toBe('2');
      const limited = answers[2]!;
      expect(envelopeOf(limited)).toEqual({
        status: 429,
        envelope: 'fail',
        code: limited.body?.message?.code,
      });
      expect(limited.body.message.code).toBe('API_RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.headers['x-app-filter']).toBeUndefined();
    });

    it('leaves APIs marked @SkipThrottle() uncounted by the app’s ThrottlerGuard', async () => {
      const answers: Parsed[] = [];
      for (let i = 0; i < 3; i++) answers.push(await send('GET', '/api/v1/shop/get_profile/'));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(answers.map((a) => a.headers['x-ratelimit-limit'])).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
    });

    it('answers mindoff errors itself: the app’s exception filter never adds x-app-filter to them', async () => {
      const answers = await Promise.all([
        send('POST', '/api/v1/shop/create_order/', { json: { customer_id: 7 } }),
        send('POST', '/api/v1/shop/create_order/', {
          body: '{"customer_id":',
          headers: { 'content-type': 'application/json' },
        }),
        send('GET', '/api/v1/shop/nope/'),
        send('GET', '/api/v9/shop/get_profile/'),
      ]);
      expect(answers.map((a) => [envelopeOf(a).code, a.headers['x-app-filter']])).toEqual([
        ['INVALID_PAYLOAD', undefined],
        ['MALFORMED_PAYLOAD', undefined],
        ['ROUTE_NOT_FOUND', undefined],
        ['INVALID_API_VERSION', undefined],
      ]);
    });

    it('still answers the app’s own routes with its exception filter', async () => {
      const missingUser = await send('GET', '/api/users/999');
      const unknownRoute = await send('GET', '/api/nope');
      expect(missingUser.headers['x-app-filter']).toBe('1');
      expect(missingUser.body).toEqual({
        error: true,
        status: 404,
        message: 'User 999 does not exist',
      });
      expect(unknownRoute.headers['x-app-filter']).toBe('1');
      expect(unknownRoute.body).toEqual({
        error: true,
        status: 404,
        message: 'Cannot GET /api/nope',
      });
    });

    it('lets the app’s logging interceptor see mindoff requests that reach run(), as it sees its own', async () => {
      const trace = randomUUID();
      const res = await send('POST', `/api/v1/shop/create_order/?trace=${trace}`, { json: order });
      await send('GET', `/api/users?trace=${trace}`);
      expect(res.status).toBe(200);
      expect(server.requestLog.lines.filter((line) => line.includes(trace))).toEqual([
        `POST /api/v1/shop/create_order/?trace=${trace} ok`,
        `GET /api/users?trace=${trace} ok`,
      ]);
    });
  });
});
