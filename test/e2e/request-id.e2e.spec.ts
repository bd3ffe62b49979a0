import { Logger } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';
import type { MindoffModuleOptions } from 'mindoff';
import { idGates, requestIdLab, workerIds } from '../fixtures/request-id.module';
import { ADAPTERS, call, startApp, type Answer, type RunningApp } from '../support/http-app';
import { startOtel } from '../support/otel-harness';
import { rawRequest } from '../support/raw-http';
import { openStream } from '../support/sse-client';
import { codeOf, untilTask } from '../support/task-poll';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const idOf = (answer: Answer) => answer.headers.get('x-request-id');
const withId = (id: string) => ({ 'x-request-id': id });

/** Every line logged at error level while `work` runs. */
async function errorLines(work: () => Promise<unknown>): Promise<string[]> {
  const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  try {
    await work();
    return spy.mock.calls.map((args) => String(args[0]));
  } finally {
    spy.mockRestore();
  }
}

describe.each(ADAPTERS)('request ids (%s)', (adapter) => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp(requestIdLab(), adapter);
  });
  afterAll(() => app.close());

  const create = (name: string, headers: Record<string, string> = {}) =>
    call(app.url, 'POST', '/v1/ids/create/', { json: { name }, headers });

  it('echoes a sane incoming X-Request-Id and gives it to run() as ctx.requestId', async () => {
    const id = `edge-${randomUUID()}:1.a_b`;
    const answer = await create('ok', withId(id));
    expect(answer.status).toBe(200);
    expect(idOf(answer)).toBe(id);
    expect(answer.body.data).toEqual({ request_id: id });
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'two words'],
    ['with an encoded CR/LF', 'abc%0D%0ASet-Cookie:%20a=1'],
    ['with a comma (two values)', 'one,two'],
    ['with a tab', 'a\tb'],
  ])('replaces an incoming id %s with a new UUID', async (_case, incoming) => {
    const answer = await create('ok', withId(incoming));
    expect(answer.status).toBe(200);
    expect(idOf(answer)).toMatch(UUID);
    expect(answer.body.data).toEqual({ request_id: idOf(answer) });
  });

  it('keeps exactly 128 characters', async () => {
    const id = 'b'.repeat(128);
    expect(idOf(await create('ok', withId(id)))).toBe(id);
  });

  it('replaces two X-Request-Id lines, and never echoes a header line sent after the id', async () => {
    const { host } = new URL(app.url);
    const raw = await rawRequest(
      app.url,
      `GET /v1/ids/echo/ HTTP/1.1\nHost: ${host}\nX-Request-Id: one\nX-Request-Id: two\nX-Injected: yes\nConnection: close\n`,
      [],
    );
    expect(raw.status).toBe(200);
    const echoed = /\r\nx-request-id: ([^\r]*)\r\n/i.exec(raw.head)?.[1];
    expect(echoed).toMatch(UUID);
    expect(JSON.parse(raw.body).data).toEqual({ request_id: echoed });
    expect(raw.head.toLowerCase()).not.toContain('x-injected');
  });

  it('gives a request without one a new id, different for each request', async () => {
    const first = await create('ok');
    const second = await create('ok');
    expect(idOf(first)).toMatch(UUID);
    expect(idOf(second)).toMatch(UUID);
    expect(idOf(first)).not.toBe(idOf(second));
    expect(first.body.data).toEqual({ request_id: idOf(first) });
  });

  it('echoes the id on refusals: 400, 404, 405 and 429', async () => {
    const malformed = await call(app.url, 'POST', '/v1/ids/create/', {
      body: '{"name":',
      headers: { 'content-type': 'application/json', ...withId('r-400') },
    });
    expect([malformed.status, codeOf(malformed), idOf(malformed)]).toEqual([
      400,
      'MALFORMED_PAYLOAD',
      'r-400',
    ]);
    const missing = await call(app.url, 'GET', '/v1/ids/nowhere/', { headers: withId('r-404') });
    expect([missing.status, codeOf(missing), idOf(missing)]).toEqual([
      404,
      'ROUTE_NOT_FOUND',
      'r-404',
    ]);
    const version = await call(app.url, 'GET', '/v9/ids/echo/', { headers: withId('r-404v') });
    expect([version.status, idOf(version)]).toEqual([404, 'r-404v']);
    const method = await call(app.url, 'GET', '/v1/ids/create/', { headers: withId('r-405') });
    expect([method.status, codeOf(method), idOf(method)]).toEqual([405, 'INVALID_METHOD', 'r-405']);
    const answers: Answer[] = [];
    // 3/m in fixed windows: seven calls pass at most six, even across a window's end.
    for (let i = 0; i < 7; i++) {
      answers.push(await call(app.url, 'GET', '/v1/ids/echo/', { headers: withId(`r-429-${i}`) }));
    }
    const limited = answers.at(-1)!;
    expect([limited.status, codeOf(limited), idOf(limited)]).toEqual([
      429,
      'API_RATE_LIMITED',
      'r-429-6',
    ]);
  });

  it('echoes the id on the task endpoints, their refusals included', async () => {
    const unknown = await call(app.url, 'GET', `/mindoff/queue/${randomUUID()}/`, {
      headers: withId('task-404'),
    });
    expect([unknown.status, idOf(unknown)]).toEqual([404, 'task-404']);
  });

  it('echoes the id on a plain route answered in the envelope, and leaves other routes alone', async () => {
    const enveloped = await call(app.url, 'GET', '/plain/enveloped', {
      headers: withId('plain-1'),
    });
    expect([codeOf(enveloped), idOf(enveloped)]).toEqual(['SUCCESS', 'plain-1']);
    const untouched = await call(app.url, 'GET', '/plain/untouched', {
      headers: withId('plain-2'),
    });
    expect(untouched.body).toEqual({ plain: true });
    expect(idOf(untouched)).toBeNull();
  });

  it('writes the id on the log line of an unexpected error', async () => {
    let answer!: Answer;
    const lines = await errorLines(async () => {
      answer = await create('crash', withId('crash-1'));
    });
    expect([answer.status, codeOf(answer), idOf(answer)]).toEqual([
      500,
      'UNEXPECTED_ERR',
      'crash-1',
    ]);
    expect(lines.filter((line) => line.includes('database exploded'))).toEqual([
      expect.stringMatching(/^request_id=crash-1 Error: database exploded/),
    ]);
  });
});

describe.each(ADAPTERS)(
  'request ids with trustHeader: false and a header of its own (%s)',
  (adapter) => {
    let app: RunningApp;

    beforeAll(async () => {
      app = await startApp(
        requestIdLab({ requestId: { header: 'X-Correlation-Id', trustHeader: false } }),
        adapter,
      );
    });
    afterAll(() => app.close());

    it('answers a new id in the named header, whatever the client sent', async () => {
      const answer = await call(app.url, 'POST', '/v1/ids/create/', {
        json: { name: 'ok' },
        headers: { 'x-correlation-id': 'client-chosen' },
      });
      const id = answer.headers.get('x-correlation-id');
      expect(id).toMatch(UUID);
      expect(answer.headers.get('x-request-id')).toBeNull();
      expect(answer.body.data).toEqual({ request_id: id });
    });
  },
);

type DriverCase = { name: string; queue: () => MindoffModuleOptions['queue'] };
const DRIVERS: DriverCase[] = [
  { name: 'embedded', queue: () => ({}) },
  {
    name: 'bullmq',
    queue: () => ({ connection: REDIS_URL, prefix: `mindoff-test-${randomUUID().slice(0, 8)}` }),
  },
];
const QUEUE_CASES = DRIVERS.flatMap((driver) => ADAPTERS.map((adapter) => ({ driver, adapter })));

describe.each(QUEUE_CASES)(
  'request ids of queued tasks ($driver.name, $adapter)',
  ({ driver, adapter }) => {
    let app: RunningApp;

    beforeAll(async () => {
      app = await startApp(
        requestIdLab({ queue: { heartbeatSeconds: 1, ...driver.queue() } }),
        adapter,
      );
    });
    afterAll(() => app.close());

    const enqueue = (name: string, id: string) =>
      call(app.url, 'POST', '/v1/ids/queued/', { json: { name }, headers: withId(id) });

    it("stores the enqueuing request's id: in the task's detail and as the worker's ctx.requestId", async () => {
      const name = `ok-${randomUUID()}`;
      const requestId = `enqueue-${randomUUID()}`;
      const ack = await enqueue(name, requestId);
      expect([codeOf(ack), idOf(ack)]).toEqual(['QUEUED', requestId]);
      const taskId = ack.body.data.queue_id as string;

      const running = await untilTask(
        app,
        taskId,
        (a) => codeOf(a) === 'QUEUE_TASK_RUNNING',
        withId('poll-1'),
      );
      expect(running.body.data.request_id).toBe(requestId);
      expect(idOf(running)).toBe('poll-1');
      expect(workerIds.get(name)).toBe(requestId);

      idGates.open(name);
      const done = await untilTask(app, taskId, (a) => codeOf(a) === 'SUCCESS');
      expect(done.body.data).toEqual({ request_id: requestId });
    });

    it("echoes the stream request's own id on the task's status stream", async () => {
      const name = `stream-${randomUUID()}`;
      const ack = await enqueue(name, 'stream-enqueue');
      const stream = await openStream(
        app.url + (ack.body.data.status_stream_url as string),
        withId('stream-1'),
      );
      try {
        expect(stream.status).toBe(200);
        expect(stream.headers.get('x-request-id')).toBe('stream-1');
      } finally {
        stream.close();
        idGates.open(name);
      }
    });

    it("writes the enqueuing request's id on the worker's log line for an unexpected error, and keeps it on the failed task", async () => {
      const name = `crash-${randomUUID()}`;
      const requestId = `enqueue-${randomUUID()}`;
      let failed!: Answer;
      const lines = await errorLines(async () => {
        const ack = await enqueue(name, requestId);
        const taskId = ack.body.data.queue_id as string;
        await untilTask(app, taskId, (a) => codeOf(a) === 'QUEUE_TASK_RUNNING');
        idGates.open(name);
        failed = await untilTask(app, taskId, (a) => codeOf(a) === 'QUEUE_TASK_FAILED');
      });
      expect(failed.body.data).toMatchObject({
        request_id: requestId,
        error: { code: 'UNEXPECTED_ERR' },
      });
      expect(lines.filter((line) => line.includes(`worker exploded ${name}`))).toEqual([
        expect.stringMatching(new RegExp(`^request_id=${requestId} Error: worker exploded`)),
      ]);
    });
  },
);

describe.each(ADAPTERS)('request ids on spans (%s)', (adapter) => {
  it("records the id on the request span, and the enqueuing request's id on the task's span", async () => {
    const otel = startOtel();
    const app = await startApp(requestIdLab(), adapter);
    try {
      const direct = await call(app.url, 'POST', '/v1/ids/create/', {
        json: { name: 'ok' },
        headers: withId('span-direct'),
      });
      expect(direct.status).toBe(200);
      const name = `span-${randomUUID()}`;
      idGates.open(name);
      const ack = await call(app.url, 'POST', '/v1/ids/queued/', {
        json: { name },
        headers: withId('span-queued'),
      });
      await untilTask(app, ack.body.data.queue_id as string, (a) => codeOf(a) === 'SUCCESS');
      const ids = (kind: SpanKind) =>
        otel
          .spans()
          .filter((span) => span.kind === kind)
          .map((span) => span.attributes['mindoff.request_id']);
      expect(ids(SpanKind.SERVER)).toEqual(expect.arrayContaining(['span-direct', 'span-queued']));
      expect(ids(SpanKind.CONSUMER)).toEqual(['span-queued']);
    } finally {
      await app.close();
      await otel.stop();
    }
  });
});
