import { randomUUID } from 'node:crypto';
import type { MindoffModuleOptions } from 'mindoff';
import { gates, queueLab, runs } from '../fixtures/queue.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';
import { openStream } from '../support/sse-client';
import { codeOf, untilTask } from '../support/task-poll';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

type DriverCase = { name: string; queue: () => MindoffModuleOptions['queue'] };

/** The same contract, once per driver: embedded (in memory) and BullMQ on the real Redis. */
const DRIVERS: DriverCase[] = [
  { name: 'embedded', queue: () => ({}) },
  {
    name: 'bullmq',
    queue: () => ({ connection: REDIS_URL, prefix: `mindoff-test-${randomUUID().slice(0, 8)}` }),
  },
];

const bearer = (user: string) => ({ authorization: `Bearer user-${user}` });

const CASES = DRIVERS.flatMap((driver) =>
  ADAPTERS.map((adapter) => ({ ...driver, adapter, driver })),
);

describe.each(CASES)('queue mode on the $name driver ($adapter)', ({ driver, adapter }) => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp(queueLab(driver.queue()), adapter);
  });
  afterAll(() => app.close());

  const enqueue = (name: string, version = 1, extra: Record<string, string> = {}) =>
    call(app.url, 'POST', `/v${version}/jobs/report/?via=test`, {
      json: { name },
      headers: extra,
    });

  it('acknowledges with QUEUED and relative task URLs (no trusted origin), then reports pending → running → the stored envelope', async () => {
    const name = `ok-${randomUUID()}`;
    const ack = await enqueue(name);
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('ok');
    expect(codeOf(ack)).toBe('QUEUED');
    const id = ack.body.data.queue_id as string;
    const root = `/mindoff/queue/${id}`;
    expect(ack.body.data).toEqual({
      queue_id: id,
      response_url: `${root}/`,
      status_stream_url: `${root}/stream/`,
      stream_ticket_url: `${root}/stream-ticket/`,
      cancel_url: `${root}/cancel/`,
      retry_url: `${root}/retry/`,
      progress_steps: {
        collect: { label: 'Collect rows', percent: 20 },
        summarize: { label: 'Summarize', percent: 70 },
      },
    });

    const running = await untilTask(app, id, (a) => a.body?.data?.progress?.percent === 20);
    expect(codeOf(running)).toBe('QUEUE_TASK_RUNNING');
    expect(running.body.data).toMatchObject({
      queue_id: id,
      job_status: 'running',
      progress: { percent: 20, current_step: 'collect', current_message: 'Collect rows' },
    });
    gates.open(`${name}:collect`);
    const second = await untilTask(app, id, (a) => a.body?.data?.progress?.percent === 70);
    expect(second.body.data.progress.current_message).toBe('Adding up');
    gates.open(`${name}:summarize`);

    const done = await untilTask(app, id, (a) => codeOf(a) === 'SUCCESS');
    expect(done.status).toBe(200);
    expect(done.body).toEqual({
      status: 'ok',
      message: {
        code: 'SUCCESS',
        title: 'Success',
        description: 'Operation completed successfully.',
        category: 'success',
      },
      data: { name, version: 1 },
    });
    expect(runs.find((r) => (r.payload as { name: string }).name === name)).toMatchObject({
      version: 1,
      query: { via: 'test' },
    });
  });

  it('stores an answer of run() with its own status and serves it verbatim', async () => {
    const name = `reject-${randomUUID()}`;
    const id = (await enqueue(name)).body.data.queue_id as string;
    gates.open(`${name}:collect`);
    gates.open(`${name}:summarize`);
    const done = await untilTask(app, id, (a) => codeOf(a) === 'VALIDATION_ERR');
    expect(done.status).toBe(400);
    expect(done.body).toMatchObject({ status: 'fail', data: { rule: 1 } });
  });

  it('runs the version that was called', async () => {
    const name = `v2-${randomUUID()}`;
    const ack = await enqueue(name, 2);
    const done = await untilTask(app, ack.body.data.queue_id, (a) => codeOf(a) === 'SUCCESS');
    expect(done.body.data).toEqual({ name, version: 2 });
  });

  it('validates before enqueueing: a bad payload is INVALID_PAYLOAD and nothing is queued', async () => {
    const before = runs.length;
    const bad = await call(app.url, 'POST', '/v1/jobs/report/', { json: { name: 7 } });
    expect(bad.status).toBe(400);
    expect(codeOf(bad)).toBe('INVALID_PAYLOAD');
    expect(runs.length).toBe(before);
  });

  it('refuses multipart bodies with VALIDATION_ERR', async () => {
    const form = new FormData();
    form.append('name', 'x');
    const res = await fetch(`${app.url}/v1/jobs/report/`, { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: { code: string } }).message.code).toBe(
      'VALIDATION_ERR',
    );
  });

  it('reports a failure as QUEUE_TASK_FAILED with the error code and message, never a stack', async () => {
    const fail = `fail-${randomUUID()}`;
    const crash = `crash-${randomUUID()}`;
    const badStep = `badstep-${randomUUID()}`;
    const ids: string[] = [];
    for (const name of [fail, crash, badStep]) {
      ids.push((await enqueue(name)).body.data.queue_id);
      gates.open(`${name}:collect`);
      gates.open(`${name}:summarize`);
    }
    const failed = await untilTask(app, ids[0]!, (a) => codeOf(a) === 'QUEUE_TASK_FAILED');
    expect(failed.status).toBe(200);
    expect(failed.body.data).toEqual({
      queue_id: ids[0],
      job_status: 'failed',
      error: { code: 'VALIDATION_ERR', message: expect.any(String) },
      request_id: expect.any(String),
    });
    const crashed = await untilTask(app, ids[1]!, (a) => codeOf(a) === 'QUEUE_TASK_FAILED');
    expect(crashed.body.data.error.code).toBe('UNEXPECTED_ERR');
    expect(crashed.text).not.toContain('secret');
    expect(crashed.text).not.toContain('.ts:');
    const unknownStep = await untilTask(app, ids[2]!, (a) => codeOf(a) === 'QUEUE_TASK_FAILED');
    expect(unknownStep.body.data.error).toEqual({
      code: 'API_CONFIG_ERR',
      message:
        "checkpoint('nope') names no declared progress step; declared: [collect, summarize].",
    });
  });

  it('gives 500 identical concurrent requests of a user one task, and a new one once it finished', async () => {
    const name = `dup-${randomUUID()}`;
    const send = (user: string) =>
      call(app.url, 'POST', '/v1/jobs/dedup/', { json: { name }, headers: bearer(user) });
    const answers = await Promise.all(Array.from({ length: 500 }, () => send('dup')));
    const ids = new Set(answers.map((a) => a.body.data.queue_id));
    expect(answers.every((a) => codeOf(a) === 'QUEUED')).toBe(true);
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const otherUser = (await send('dup-other')).body.data.queue_id;
    expect(otherUser).not.toBe(id);
    gates.open(`${name}:run`);
    await untilTask(app, id!, (a) => codeOf(a) === 'SUCCESS', bearer('dup'));
    expect((await send('dup')).body.data.queue_id).not.toBe(id);
  });

  it('never deduplicates anonymous callers', async () => {
    const name = `anon-${randomUUID()}`;
    const [a, b] = await Promise.all([enqueue(name), enqueue(name)]);
    expect(a.body.data.queue_id).not.toBe(b.body.data.queue_id);
    for (const gate of ['collect', 'summarize']) gates.open(`${name}:${gate}`);
  });

  it('cancels a running task at its next checkpoint, and retries it under the same id', async () => {
    const name = `cancel-${randomUUID()}`;
    const id = (await enqueue(name)).body.data.queue_id as string;
    await untilTask(app, id, (a) => a.body?.data?.progress?.percent === 20);
    const cancel = await call(app.url, 'POST', `/mindoff/queue/${id}/cancel/`);
    expect(cancel.status).toBe(200);
    expect(cancel.body.data).toEqual({ queue_id: id, job_status: 'cancel_requested' });
    gates.open(`${name}:collect`);
    const cancelled = await untilTask(app, id, (a) => codeOf(a) === 'QUEUE_TASK_CANCELLED');
    expect(cancelled.body.data).toEqual({
      queue_id: id,
      job_status: 'cancelled',
      request_id: expect.any(String),
    });

    const again = await call(app.url, 'POST', `/mindoff/queue/${id}/cancel/`);
    expect(again.status).toBe(400);
    expect(codeOf(again)).toBe('QUEUE_TASK_NOT_CANCELLABLE');

    const retry = await call(app.url, 'POST', `/mindoff/queue/${id}/retry/`);
    expect(codeOf(retry)).toBe('QUEUED');
    expect(retry.body.data.queue_id).toBe(id);
    gates.open(`${name}:summarize`);
    const done = await untilTask(app, id, (a) => codeOf(a) === 'SUCCESS');
    expect(done.body.data).toEqual({ name, version: 1 });
    const notRetriable = await call(app.url, 'POST', `/mindoff/queue/${id}/retry/`);
    expect(notRetriable.status).toBe(400);
    expect(codeOf(notRetriable)).toBe('QUEUE_TASK_NOT_RETRIABLE');
  });

  it('fires the AbortSignal of a running task that only listens to its signal', async () => {
    const id = (await call(app.url, 'POST', '/v1/jobs/wait_signal/')).body.data.queue_id as string;
    await untilTask(app, id, (a) => a.body?.data?.job_status === 'running');
    await call(app.url, 'POST', `/mindoff/queue/${id}/cancel/`);
    const cancelled = await untilTask(app, id, (a) => codeOf(a) === 'QUEUE_TASK_CANCELLED');
    expect(cancelled.body.data.job_status).toBe('cancelled');
  });

  it('hides a user-owned task from everyone else (404) and lists only the caller’s tasks', async () => {
    const name = `own-${randomUUID()}`;
    const ack = await call(app.url, 'POST', '/v1/jobs/mine/', {
      json: { name },
      headers: bearer('asha'),
    });
    const id = ack.body.data.queue_id as string;
    const mine = await call(app.url, 'GET', `/mindoff/queue/${id}/`, { headers: bearer('asha') });
    expect(mine.status).toBe(200);
    for (const headers of [bearer('ravi'), {}]) {
      for (const [method, path] of [
        ['GET', ''],
        ['POST', 'cancel/'],
        ['POST', 'retry/'],
        ['POST', 'stream-ticket/'],
      ] as const) {
        const other = await call(app.url, method, `/mindoff/queue/${id}/${path}`, { headers });
        expect(other.status).toBe(404);
        expect(codeOf(other)).toBe('QUEUE_TASK_NOT_FOUND');
      }
    }
    const list = await call(app.url, 'GET', '/mindoff/queue/list/?page_size=1', {
      headers: bearer('asha'),
    });
    expect(codeOf(list)).toBe('SUCCESS');
    expect(list.body.data).toMatchObject({ page: 1, page_size: 1, has_previous: false });
    expect(list.body.data.tasks[0]).toMatchObject({ id, api_url_name: 'jobs__mine' });
    const ravi = await call(app.url, 'GET', `/mindoff/queue/list/?id=${id}`, {
      headers: bearer('ravi'),
    });
    expect(ravi.body.data).toMatchObject({ tasks: [], count: 0 });
    const anonymous = await call(app.url, 'GET', '/mindoff/queue/list/');
    expect(anonymous.body.data).toMatchObject({ tasks: [], count: 0 });
    gates.open(`${name}:run`);
    const done = await untilTask(app, id, (a) => codeOf(a) === 'SUCCESS', bearer('asha'));
    expect(done.body.data).toEqual({ owner: { id: 'asha' } });
  });

  it('applies the originating API’s per-task detail limit', async () => {
    const name = `limit-${randomUUID()}`;
    const id = (
      await call(app.url, 'POST', '/v1/jobs/mine/', { json: { name }, headers: bearer('lim') })
    ).body.data.queue_id as string;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await call(app.url, 'GET', `/mindoff/queue/${id}/`, { headers: bearer('lim') })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    gates.open(`${name}:run`);
  });

  it('pushes status events with ids, ends after the terminal state, and resumes from Last-Event-ID', async () => {
    const name = `stream-${randomUUID()}`;
    const id = (await enqueue(name)).body.data.queue_id as string;
    const stream = await openStream(`${app.url}/mindoff/queue/${id}/stream/`);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const seen: { id?: string; parsed: { job_status: string; progress: { percent: number } } }[] =
      [];
    for (;;) {
      const event = await stream.nextData();
      if (!event) break;
      seen.push(event);
      if (event.parsed.progress.percent === 20) gates.open(`${name}:collect`);
      if (event.parsed.progress.percent === 70) gates.open(`${name}:summarize`);
    }
    const states = seen.map((e) => `${e.parsed.job_status}:${e.parsed.progress.percent}`);
    expect(states).toContain('running:20');
    expect(states).toContain('running:70');
    expect(states[states.length - 1]).toBe('completed:100');
    const ids = seen.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);

    // Resuming after the end: 204, so EventSource stops reconnecting.
    const resumed = await fetch(`${app.url}/mindoff/queue/${id}/stream/`, {
      headers: { 'last-event-id': String(ids[ids.length - 1]) },
    });
    expect(resumed.status).toBe(204);
    // Resuming from an earlier state: only what came after it.
    const partial = await openStream(`${app.url}/mindoff/queue/${id}/stream/`, {
      'last-event-id': String(ids[0]),
    });
    const rest = await partial.nextData();
    expect(rest?.parsed.job_status).toBe('completed');
    expect(Number(rest?.id)).toBeGreaterThan(ids[0]!);
    expect(await partial.nextData()).toBeNull();
  });

  it('ends every stream with its final state, however fast the task runs', async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const ack = await enqueue(`fast-${randomUUID()}`, 2);
        return ack.body.data.queue_id as string;
      }),
    );
    const finals: (string | undefined)[] = [];
    for (const id of ids) {
      const stream = await openStream(`${app.url}/mindoff/queue/${id}/stream/`);
      let last: string | undefined = `${stream.status}`;
      for (let event = await stream.nextData(); event; event = await stream.nextData()) {
        last = event.parsed.job_status;
      }
      finals.push(last);
    }
    expect(finals).toEqual(ids.map(() => 'completed'));
  });

  it('sends a heartbeat comment on an idle stream', async () => {
    const name = `beat-${randomUUID()}`;
    const id = (await enqueue(name)).body.data.queue_id as string;
    const stream = await openStream(`${app.url}/mindoff/queue/${id}/stream/`);
    let event = await stream.next();
    while (event && event.comment === undefined) event = await stream.next(5000);
    expect(event?.comment).toBe('heartbeat');
    stream.close();
    gates.open(`${name}:collect`);
    gates.open(`${name}:summarize`);
  });

  it('limits concurrent streams per owner with a JSON 429 and frees the slot on disconnect', async () => {
    const name = `slots-${randomUUID()}`;
    const id = (
      await call(app.url, 'POST', '/v1/jobs/mine/', { json: { name }, headers: bearer('sse') })
    ).body.data.queue_id as string;
    const url = `${app.url}/mindoff/queue/${id}/stream/`;
    const first = await openStream(url, bearer('sse'));
    expect(first.status).toBe(200);
    await first.nextData();
    const denied = await openStream(url, bearer('sse'));
    expect(denied.status).toBe(429);
    expect(denied.json).toMatchObject({ message: { code: 'RATE_LIMITED' } });
    first.close();
    const deadline = Date.now() + 5000;
    let again = await openStream(url, bearer('sse'));
    while (again.status === 429 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      again = await openStream(url, bearer('sse'));
    }
    expect(again.status).toBe(200);
    again.close();
    gates.open(`${name}:run`);
  });

  it('frees the slot of a client that leaves before its stream starts', async () => {
    const name = `leave-${randomUUID()}`;
    const id = (
      await call(app.url, 'POST', '/v1/jobs/mine/', { json: { name }, headers: bearer('gone') })
    ).body.data.queue_id as string;
    const url = `${app.url}/mindoff/queue/${id}/stream/`;
    for (let i = 0; i < 10; i++) {
      const controller = new AbortController();
      const pending = fetch(url, { headers: bearer('gone'), signal: controller.signal });
      setTimeout(() => controller.abort(), i);
      await pending.then(
        (res) => res.body?.cancel(),
        () => undefined,
      );
    }
    const deadline = Date.now() + 5000;
    let stream = await openStream(url, bearer('gone'));
    while (stream.status === 429 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      stream = await openStream(url, bearer('gone'));
    }
    expect(stream.status).toBe(200);
    stream.close();
    gates.open(`${name}:run`);
  });

  it('lets a browser follow an owned task with a single-use stream ticket', async () => {
    const name = `ticket-${randomUUID()}`;
    const id = (
      await call(app.url, 'POST', '/v1/jobs/mine/', { json: { name }, headers: bearer('tix') })
    ).body.data.queue_id as string;
    const issued = await call(app.url, 'POST', `/mindoff/queue/${id}/stream-ticket/`, {
      headers: bearer('tix'),
    });
    expect(codeOf(issued)).toBe('SUCCESS');
    const { ticket, expires_in, status_stream_url } = issued.body.data;
    expect(expires_in).toBe(30);
    expect(status_stream_url).toBe(`/mindoff/queue/${id}/stream/?ticket=${ticket}`);
    const stream = await openStream(app.url + status_stream_url);
    expect(stream.status).toBe(200);
    expect((await stream.nextData())?.parsed.id).toBe(id);
    stream.close();
    const reused = await openStream(app.url + status_stream_url);
    expect(reused.status).toBe(404);
    const forged = await openStream(`${app.url}/mindoff/queue/${id}/stream/?ticket=nope`);
    expect(forged.status).toBe(404);

    const other = `ticket-other-${randomUUID()}`;
    const otherId = (
      await call(app.url, 'POST', '/v1/jobs/mine/', {
        json: { name: other },
        headers: bearer('tix'),
      })
    ).body.data.queue_id as string;
    const second = (
      await call(app.url, 'POST', `/mindoff/queue/${id}/stream-ticket/`, { headers: bearer('tix') })
    ).body.data;
    const misused = await openStream(
      `${app.url}/mindoff/queue/${otherId}/stream/?ticket=${second.ticket}`,
    );
    expect(misused.status).toBe(404);
    const burned = await openStream(app.url + second.status_stream_url);
    expect(burned.status).toBe(404);
    gates.open(`${name}:run`);
    gates.open(`${other}:run`);
  });

  it('answers unknown tasks with QUEUE_TASK_NOT_FOUND and wrong methods with 405', async () => {
    const missing = await call(app.url, 'GET', `/mindoff/queue/${randomUUID()}/`);
    expect(missing.status).toBe(404);
    expect(codeOf(missing)).toBe('QUEUE_TASK_NOT_FOUND');
    const garbage = await call(app.url, 'GET', '/mindoff/queue/not-an-id/');
    expect(codeOf(garbage)).toBe('QUEUE_TASK_NOT_FOUND');
    const wrong = await call(app.url, 'GET', `/mindoff/queue/${randomUUID()}/cancel/`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(codeOf(wrong)).toBe('INVALID_METHOD');
  });

  it.each([
    ['list', 'GET'],
    ['<id>', 'GET'],
    ['<id>/stream', 'GET'],
    ['<id>/stream-ticket', 'POST'],
    ['<id>/cancel', 'POST'],
    ['<id>/retry', 'POST'],
  ])(
    'answers every other method on %s with 405 INVALID_METHOD, Allow: %s, before any lookup',
    async (endpoint, allowed) => {
      const path = `/mindoff/queue/${endpoint.replace('<id>', randomUUID())}/`;
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        if (method === allowed) continue;
        const res = await call(app.url, method, path);
        expect([method, res.status, codeOf(res), res.headers.get('allow')]).toEqual([
          method,
          405,
          'INVALID_METHOD',
          allowed === 'GET' ? 'GET, HEAD' : allowed,
        ]);
      }
      const head = await call(app.url, 'HEAD', path);
      expect(head.status).toBe(allowed === 'GET' ? (endpoint === 'list' ? 200 : 404) : 405);
    },
  );
});

describe.each(DRIVERS)('queued tasks without a worker on the $name driver', (driver) => {
  let api: RunningApp;
  let options: MindoffModuleOptions['queue'];

  beforeAll(async () => {
    options = driver.queue();
    api = await startApp(queueLab({ ...options, worker: false }), 'fastify');
  });
  afterAll(() => api.close());

  it('reports QUEUE_TASK_PENDING, cancels at once, and retries into the queue', async () => {
    const name = `idle-${randomUUID()}`;
    const id = (await call(api.url, 'POST', '/v2/jobs/report/', { json: { name } })).body.data
      .queue_id as string;
    const pending = await call(api.url, 'GET', `/mindoff/queue/${id}/`);
    expect(codeOf(pending)).toBe('QUEUE_TASK_PENDING');
    expect(pending.body.data).toEqual({
      queue_id: id,
      job_status: 'queued',
      request_id: expect.any(String),
    });
    const cancel = await call(api.url, 'POST', `/mindoff/queue/${id}/cancel/`);
    expect(cancel.body.data).toEqual({ queue_id: id, job_status: 'cancelled' });
    expect(codeOf(await call(api.url, 'GET', `/mindoff/queue/${id}/`))).toBe(
      'QUEUE_TASK_CANCELLED',
    );
    const retry = await call(api.url, 'POST', `/mindoff/queue/${id}/retry/`);
    expect(codeOf(retry)).toBe('QUEUED');
    expect(codeOf(await call(api.url, 'GET', `/mindoff/queue/${id}/`))).toBe('QUEUE_TASK_PENDING');
  });

  it('keeps a cancelled task cancelled when an identical one is in flight at retry', async () => {
    const name = `twin-${randomUUID()}`;
    const send = () =>
      call(api.url, 'POST', '/v1/jobs/dedup/', { json: { name }, headers: bearer('twin') });
    const first = (await send()).body.data.queue_id as string;
    await call(api.url, 'POST', `/mindoff/queue/${first}/cancel/`, { headers: bearer('twin') });
    const second = (await send()).body.data.queue_id as string;
    expect(second).not.toBe(first);
    const retry = await call(api.url, 'POST', `/mindoff/queue/${first}/retry/`, {
      headers: bearer('twin'),
    });
    expect(codeOf(retry)).toBe('QUEUE_TASK_NOT_RETRIABLE');
    const detail = await call(api.url, 'GET', `/mindoff/queue/${first}/`, {
      headers: bearer('twin'),
    });
    expect(codeOf(detail)).toBe('QUEUE_TASK_CANCELLED');
    gates.open(`${name}:run`);
  });

  if (driver.name === 'bullmq') {
    it('is run by a worker in another app instance sharing the Redis', async () => {
      const name = `shared-${randomUUID()}`;
      const id = (await call(api.url, 'POST', '/v2/jobs/report/', { json: { name } })).body.data
        .queue_id as string;
      const worker = await startApp(queueLab(options), 'express');
      try {
        const done = await untilTask(api, id, (a) => codeOf(a) === 'SUCCESS');
        expect(done.body.data).toEqual({ name, version: 2 });
      } finally {
        await worker.close();
      }
    });
  }
});

describe('queue mode with the broker down', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(
      queueLab({ connection: 'redis://127.0.0.1:1', commandTimeoutMs: 500, worker: false }),
      'express',
    );
  });
  afterAll(() => app.close());

  it('answers QUEUE_SERVICE_UNAVAILABLE (503), also on the task endpoints', async () => {
    const ack = await call(app.url, 'POST', '/v1/jobs/report/', { json: { name: 'x' } });
    expect(ack.status).toBe(503);
    expect(codeOf(ack)).toBe('QUEUE_SERVICE_UNAVAILABLE');
    const detail = await call(app.url, 'GET', `/mindoff/queue/${randomUUID()}/`);
    expect(detail.status).toBe(503);
  });
});

describe('queue options: publicUrl and serializeUser', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(
      queueLab({
        publicUrl: 'https://api.example.com/',
        serializeUser: (user) => ({ id: (user as { id: string }).id, trimmed: true }),
      }),
      'express',
    );
  });
  afterAll(() => app.close());

  it('builds task URLs on the public origin and stores only what serializeUser keeps', async () => {
    const name = `opts-${randomUUID()}`;
    const ack = await call(app.url, 'POST', '/v1/jobs/mine/', {
      json: { name },
      headers: bearer('opt'),
    });
    const id = ack.body.data.queue_id as string;
    expect(ack.body.data.response_url).toBe(`https://api.example.com/mindoff/queue/${id}/`);
    gates.open(`${name}:run`);
    const done = await untilTask(app, id, (a) => codeOf(a) === 'SUCCESS', bearer('opt'));
    expect(done.body.data).toEqual({ owner: { id: 'opt', trimmed: true } });
  });
});
