import { envelopeAnswer, fakeFetch, never } from '../../test/support/fake-fetch';
import { MindoffClientError } from './mindoff-client.error';
import { Transport, anySignal, parseEnvelope } from './transport';

const BASE = 'http://api.test';

async function rejection(promise: Promise<unknown>): Promise<MindoffClientError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MindoffClientError);
  return error as MindoffClientError;
}

describe('Transport', () => {
  it('sends to the base URL with the token, the client headers, then the request headers', async () => {
    const { fetch, calls } = fakeFetch(() => envelopeAnswer('SUCCESS', { id: 1 }));
    const transport = new Transport({
      baseUrl: `${BASE}/`,
      fetch,
      token: async () => 'tok',
      headers: () => ({ 'x-app': 'a', 'x-csrf': 'client' }),
    });
    const answer = await transport.send({
      method: 'POST',
      path: '/v1/orders/create_order/',
      json: { a: 1 },
      headers: { 'x-csrf': 'call' },
    });
    expect(answer).toEqual({
      status: 200,
      envelope: expect.objectContaining({ status: 'ok', data: { id: 1 } }),
      headers: expect.any(Headers),
    });
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(calls[0]).toMatchObject({
      url: `${BASE}/v1/orders/create_order/`,
      method: 'POST',
      body: '{"a":1}',
      headers: {
        accept: 'application/json',
        authorization: 'Bearer tok',
        'content-type': 'application/json',
        'x-app': 'a',
        'x-csrf': 'call',
      },
    });
  });

  it('sends no Authorization when the token gives undefined, and keeps a caller-given one', async () => {
    const { fetch, calls } = fakeFetch(() => envelopeAnswer('SUCCESS'));
    const transport = new Transport({ baseUrl: BASE, fetch, token: () => undefined });
    await transport.send({ method: 'GET', path: '/x/' });
    await new Transport({ baseUrl: BASE, fetch, token: 'tok' }).send({
      method: 'GET',
      path: '/x/',
      headers: { Authorization: 'Basic abc' },
    });
    expect(calls[0].headers.authorization).toBeUndefined();
    expect(calls[1].headers.authorization).toBe('Basic abc');
    expect(calls[0].body).toBeUndefined();
  });

  it('answers a refusal envelope as an answer, not an error', async () => {
    const { fetch } = fakeFetch(() => envelopeAnswer('NOT_AUTHENTICATED', [], 401));
    const answer = await new Transport({ baseUrl: BASE, fetch }).send({ method: 'GET', path: '/' });
    expect(answer.status).toBe(401);
    expect(answer.envelope.message.code).toBe('NOT_AUTHENTICATED');
  });

  it("throws not_envelope with the status and text for a proxy's 502 HTML page", async () => {
    const html = '<html><body>502 Bad Gateway</body></html>';
    const { fetch } = fakeFetch(() => new Response(html, { status: 502 }));
    const error = await rejection(
      new Transport({ baseUrl: BASE, fetch }).send({ method: 'GET', path: '/v1/x/' }),
    );
    expect(error).toMatchObject({
      kind: 'not_envelope',
      status: 502,
      body: html,
      url: `${BASE}/v1/x/`,
    });
  });

  it('throws not_envelope for JSON that is not an envelope', async () => {
    const text = '{"statusCode":404,"message":"Cannot GET /x"}';
    const { fetch } = fakeFetch(() => new Response(text, { status: 404 }));
    const error = await rejection(
      new Transport({ baseUrl: BASE, fetch }).send({ method: 'GET', path: '/x' }),
    );
    expect(error).toMatchObject({ kind: 'not_envelope', status: 404, body: text });
  });

  it('throws network when fetch fails, naming the cause', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    });
    const error = await rejection(
      new Transport({ baseUrl: BASE, fetch }).send({ method: 'GET', path: '/' }),
    );
    expect(error.kind).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('throws timeout when no answer comes within timeoutMs (the request is aborted)', async () => {
    const { fetch, calls } = fakeFetch(never);
    const transport = new Transport({ baseUrl: BASE, fetch, timeoutMs: 30 });
    const error = await rejection(transport.send({ method: 'GET', path: '/' }));
    expect(error.kind).toBe('timeout');
    expect(calls[0].signal?.aborted).toBe(true);
    const own = await rejection(transport.send({ method: 'GET', path: '/', timeoutMs: 10 }));
    expect(own.message).toContain('10 ms');
  });

  it('throws timeout when the body stops arriving', async () => {
    const { fetch } = fakeFetch(
      (call) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"status":'));
              call.signal?.addEventListener('abort', () => controller.error(call.signal?.reason));
            },
          }),
        ),
    );
    const error = await rejection(
      new Transport({ baseUrl: BASE, fetch, timeoutMs: 30 }).send({ method: 'GET', path: '/' }),
    );
    expect(error.kind).toBe('timeout');
  });

  it("throws aborted when the caller's signal fires, before or during the request", async () => {
    const { fetch } = fakeFetch(never);
    const transport = new Transport({ baseUrl: BASE, fetch });
    const controller = new AbortController();
    const pending = transport.send({ method: 'GET', path: '/', signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).kind).toBe('aborted');
    const before = await rejection(
      transport.send({ method: 'GET', path: '/', signal: AbortSignal.abort() }),
    );
    expect(before.kind).toBe('aborted');
  });

  it('needs a base URL outside a browser page', () => {
    expect(() => new Transport({})).toThrow(/pass baseUrl/);
  });
});

describe('parseEnvelope', () => {
  it('takes only the envelope shape', () => {
    const message = { code: 'SUCCESS', title: '', description: '', category: 'success' };
    expect(parseEnvelope(JSON.stringify({ status: 'ok', message, data: null }))).toBeDefined();
    expect(parseEnvelope(JSON.stringify({ status: 'ok', message }))).toBeUndefined();
    expect(parseEnvelope(JSON.stringify({ status: 'maybe', message, data: 1 }))).toBeUndefined();
    expect(
      parseEnvelope(JSON.stringify({ status: 'ok', message: { code: 1 }, data: 1 })),
    ).toBeUndefined();
    expect(parseEnvelope('null')).toBeUndefined();
    expect(parseEnvelope('<html>')).toBeUndefined();
  });
});

describe('anySignal', () => {
  it('aborts with the reason of the first signal that aborts, also without AbortSignal.any', () => {
    const any = AbortSignal.any;
    try {
      (AbortSignal as { any?: unknown }).any = undefined;
      const [a, b] = [new AbortController(), new AbortController()];
      const combined = anySignal([a.signal, b.signal]);
      expect(combined.aborted).toBe(false);
      b.abort('second');
      expect([combined.aborted, combined.reason]).toEqual([true, 'second']);
      expect(anySignal([AbortSignal.abort('early')]).reason).toBe('early');
    } finally {
      AbortSignal.any = any;
    }
  });
});
