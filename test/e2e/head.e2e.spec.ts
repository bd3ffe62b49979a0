import { connect } from 'node:net';
import { HeadModule, headRuns, openSlowGate } from '../fixtures/head.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';

/** What came back on the wire: the status, the headers and every byte after them. */
interface WireAnswer {
  status: number;
  headers: Record<string, string>;
  rest: Buffer;
}

/** One request over a fresh socket, read until the server closes it (`Connection: close`). */
function onWire(
  url: string,
  method: string,
  path: string,
  headers: string[] = [],
): Promise<WireAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = all.subarray(0, end).toString('latin1').split('\r\n');
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers: Object.fromEntries(
          lines.map((line) => {
            const at = line.indexOf(':');
            return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()];
          }),
        ),
        rest: all.subarray(end + 4),
      });
    });
    socket.write(
      [
        `${method} ${path} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        'Connection: close',
        ...headers,
        '',
        '',
      ].join('\r\n'),
    );
  });
}

/** The headers a HEAD must share with its GET (values that change per request are left out). */
const SHARED = [
  'content-type',
  'content-length',
  'ratelimit-policy',
  'ratelimit-limit',
  'cache-control',
];
const shared = (headers: Record<string, string>) =>
  Object.fromEntries(SHARED.filter((name) => name in headers).map((name) => [name, headers[name]]));

describe.each(ADAPTERS)('HEAD on %s', (adapter) => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(HeadModule, adapter);
  });
  afterAll(() => {
    openSlowGate();
    return server.close();
  });

  it("answers a GET API's HEAD with the GET's status and headers, no body, and run() once", async () => {
    const get = await onWire(server.url, 'GET', '/v1/head/items/?page=2');
    const before = headRuns.items;
    const head = await onWire(server.url, 'HEAD', '/v1/head/items/?page=2');
    expect(headRuns.items - before).toBe(1);
    expect(head.status).toBe(200);
    expect(head.rest.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(get.rest.length);
    expect(shared(head.headers)).toEqual(shared(get.headers));
    expect(head.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves HEAD in both slash forms of the URL', async () => {
    const head = await onWire(server.url, 'HEAD', '/v1/head/items?page=3');
    expect([head.status, head.rest.length]).toEqual([200, 0]);
  });

  it("applies the GET's pipeline: a bad query, a missing login and the rate limit refuse a HEAD as they refuse a GET, without a body", async () => {
    const runs = { ...headRuns };
    const badQuery = await onWire(server.url, 'HEAD', '/v1/head/items/?page=two');
    expect([badQuery.status, badQuery.rest.length]).toEqual([400, 0]);
    const anonymous = await onWire(server.url, 'HEAD', '/v1/head/mine/');
    expect([anonymous.status, anonymous.rest.length]).toEqual([401, 0]);
    expect(headRuns).toEqual(runs);
    const known = await onWire(server.url, 'HEAD', '/v1/head/mine/', [
      'Authorization: Bearer head-token',
    ]);
    expect([known.status, headRuns.mine - runs.mine]).toEqual([200, 1]);

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await onWire(server.url, 'HEAD', '/v1/head/items/')).status);
    expect(statuses.slice(-1)).toEqual([429]);
    const limited = await onWire(server.url, 'HEAD', '/v1/head/items/');
    expect([limited.status, limited.rest.length]).toEqual([429, 0]);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('answers HEAD on a POST API with 405 INVALID_METHOD and Allow, no body, run() never called', async () => {
    const before = headRuns.create;
    const head = await onWire(server.url, 'HEAD', '/v1/head/create/');
    expect([head.status, head.headers.allow, head.rest.length]).toEqual([405, 'POST', 0]);
    expect(headRuns.create).toBe(before);
  });

  it('lists HEAD beside GET when a GET API refuses another method: Allow and data.allowed', async () => {
    const before = headRuns.items;
    const post = await call(server.url, 'POST', '/v1/head/items/', { json: {} });
    expect([post.status, post.body.message.code, post.headers.get('allow')]).toEqual([
      405,
      'INVALID_METHOD',
      'GET, HEAD',
    ]);
    expect(post.body.data).toEqual({ allowed: ['GET', 'HEAD'], received: 'POST' });
    expect(headRuns.items).toBe(before);
  });

  it("answers HEAD on a task's detail and on the task list as their GET does, without a body", async () => {
    const auth = { authorization: 'Bearer head-token' };
    const ack = await call(server.url, 'POST', '/v1/head/create/', { headers: auth });
    expect(ack.body.message.code).toBe('QUEUED');
    const detailPath = ack.body.data.response_url as string;
    const bearer = ['Authorization: Bearer head-token'];
    for (const path of [detailPath, '/mindoff/queue/list/']) {
      const get = await onWire(server.url, 'GET', path, bearer);
      const head = await onWire(server.url, 'HEAD', path, bearer);
      expect([path, head.status, head.rest.length]).toEqual([path, get.status, 0]);
      expect([path, head.headers['content-type']]).toEqual([path, get.headers['content-type']]);
    }
    const missing = await onWire(server.url, 'HEAD', '/mindoff/queue/no-such-task/', bearer);
    expect([missing.status, missing.rest.length]).toEqual([404, 0]);
  });

  it("answers HEAD on a running task's status stream with the stream's status and headers, then ends (no stream held open)", async () => {
    const ack = await call(server.url, 'POST', '/v1/head/slow/', {
      headers: { authorization: 'Bearer head-token' },
    });
    const streamPath = ack.body.data.status_stream_url as string;
    // onWire resolves when the server closes the connection: a stream left open never would.
    const head = await onWire(server.url, 'HEAD', streamPath, ['Authorization: Bearer head-token']);
    expect([head.status, head.headers['content-type'], head.rest.length]).toEqual([
      200,
      'text/event-stream',
      0,
    ]);
  });
});
