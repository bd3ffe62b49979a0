import { randomUUID } from 'node:crypto';
import type { MindoffModuleOptions } from 'mindoff';
import { gates, queueLab } from '../fixtures/queue.module';
import { call, startApp, type Answer, type RunningApp } from '../support/http-app';
import { openStream } from '../support/sse-client';
import { codeOf, untilTask } from '../support/task-poll';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Both drivers, each app on its own key prefix. */
const DRIVERS: { name: string; queue: () => MindoffModuleOptions['queue'] }[] = [
  { name: 'embedded', queue: () => ({}) },
  {
    name: 'bullmq',
    queue: () => ({ connection: REDIS_URL, prefix: `mindoff-race-${randomUUID().slice(0, 8)}` }),
  },
];

const LIMITS = { endpointLimits: { detail: null, list: null, cancel: null, retry: null } };
const bearer = { authorization: 'Bearer user-racer' };

/** Every answer of a cancel or retry: an envelope of the contract, never a 5xx. */
const CHANGE_CODES = new Set([
  'SUCCESS',
  'QUEUE_TASK_NOT_CANCELLABLE',
  'QUEUED',
  'QUEUE_TASK_NOT_RETRIABLE',
]);

function expectContract(answers: Answer[]): void {
  for (const answer of answers) {
    expect([answer.status < 500, CHANGE_CODES.has(codeOf(answer)), codeOf(answer)]).toEqual([
      true,
      true,
      codeOf(answer),
    ]);
  }
}

/** Fires `count` cancels and `count` retries at once, interleaved. */
function storm(app: RunningApp, id: string, count: number): Promise<Answer[]> {
  return Promise.all(
    Array.from({ length: count * 2 }, (_, i) =>
      call(app.url, 'POST', `/mindoff/queue/${id}/${i % 2 ? 'retry' : 'cancel'}/`, {
        headers: bearer,
      }),
    ),
  );
}

describe.each(DRIVERS)('a task under concurrent cancels and retries ($name)', (driver) => {
  let idle: RunningApp;
  let working: RunningApp;

  beforeAll(async () => {
    idle = await startApp(queueLab({ ...driver.queue(), ...LIMITS, worker: false }), 'fastify');
    working = await startApp(queueLab({ ...driver.queue(), ...LIMITS }), 'express');
  });
  afterAll(async () => {
    await idle?.close();
    await working?.close();
  });

  it('leaves a queued task in one readable state, listed once, after 50 cancels and 50 retries at once', async () => {
    for (let round = 0; round < 5; round++) {
      const name = `storm-${randomUUID()}`;
      const ack = await call(idle.url, 'POST', '/v1/jobs/dedup/', {
        json: { name },
        headers: bearer,
      });
      const id = ack.body.data.queue_id as string;
      expectContract(await storm(idle, id, 50));
      const detail = await call(idle.url, 'GET', `/mindoff/queue/${id}/`, { headers: bearer });
      expect(['QUEUE_TASK_PENDING', 'QUEUE_TASK_CANCELLED']).toContain(codeOf(detail));
      const listed = await call(idle.url, 'GET', `/mindoff/queue/list/?id=${id}`, {
        headers: bearer,
      });
      expect(listed.body.data.tasks.map((t: { job_status: string }) => t.job_status)).toEqual([
        detail.body.data.job_status,
      ]);
      // Whichever state it is in, the task still answers every change as that state allows.
      if (codeOf(detail) === 'QUEUE_TASK_CANCELLED') {
        const retry = await call(idle.url, 'POST', `/mindoff/queue/${id}/retry/`, {
          headers: bearer,
        });
        expect(codeOf(retry)).toBe('QUEUED');
      }
      const cancel = await call(idle.url, 'POST', `/mindoff/queue/${id}/cancel/`, {
        headers: bearer,
      });
      expect(cancel.body.data).toEqual({ queue_id: id, job_status: 'cancelled' });
    }
  });

  it('runs a failed task again exactly once under 30 concurrent retries', async () => {
    const name = `fail-${randomUUID()}`;
    const id = (
      await call(working.url, 'POST', '/v1/jobs/dedup/', { json: { name }, headers: bearer })
    ).body.data.queue_id as string;
    gates.open(`${name}:run`);
    await untilTask(working, id, (a) => codeOf(a) === 'QUEUE_TASK_FAILED', bearer);
    gates.close(`${name}:run`);
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        call(working.url, 'POST', `/mindoff/queue/${id}/retry/`, { headers: bearer }),
      ),
    );
    expectContract(answers);
    expect(answers.filter((a) => codeOf(a) === 'QUEUED')).toHaveLength(1);
    await untilTask(working, id, (a) => a.body?.data?.job_status === 'running', bearer);
    gates.open(`${name}:run`);
    await untilTask(working, id, (a) => codeOf(a) === 'QUEUE_TASK_FAILED', bearer);
  });

  it('keeps a retried failed task deduplicated: an identical request joins it', async () => {
    const name = `fail-${randomUUID()}`;
    const send = () =>
      call(working.url, 'POST', '/v1/jobs/dedup/', { json: { name }, headers: bearer });
    const id = (await send()).body.data.queue_id as string;
    gates.open(`${name}:run`);
    await untilTask(working, id, (a) => codeOf(a) === 'QUEUE_TASK_FAILED', bearer);
    gates.close(`${name}:run`);
    const retry = await call(working.url, 'POST', `/mindoff/queue/${id}/retry/`, {
      headers: bearer,
    });
    expect(codeOf(retry)).toBe('QUEUED');
    const twin = await send();
    expect(twin.body.data.queue_id).toBe(id);
    gates.open(`${name}:run`);
    await untilTask(working, id, (a) => codeOf(a) === 'QUEUE_TASK_FAILED', bearer);
  });

  it('cancels a running task once under 20 cancels and 20 retries at once', async () => {
    const name = `hold-${randomUUID()}`;
    const id = (
      await call(working.url, 'POST', '/v1/jobs/dedup/', { json: { name }, headers: bearer })
    ).body.data.queue_id as string;
    await untilTask(working, id, (a) => a.body?.data?.job_status === 'running', bearer);
    const answers = await storm(working, id, 20);
    expectContract(answers);
    const retries = answers.filter((_, i) => i % 2 === 1).map(codeOf);
    expect(new Set(retries)).toEqual(new Set(['QUEUE_TASK_NOT_RETRIABLE']));
    const cancels = answers.filter((_, i) => i % 2 === 0);
    expect(cancels.every((a) => a.body.data.job_status === 'cancel_requested')).toBe(true);
    gates.open(`${name}:run`);
    const done = await untilTask(working, id, (a) => codeOf(a) !== 'QUEUE_TASK_RUNNING', bearer);
    expect(codeOf(done)).toBe('QUEUE_TASK_CANCELLED');
  });
});

describe.each(DRIVERS)('status streams of a fast task ($name)', (driver) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(queueLab({ ...driver.queue(), ...LIMITS }), 'express');
  });
  afterAll(() => app?.close());

  it('delivers every checkpoint to every open stream, in order, then the end', async () => {
    for (let round = 0; round < 9; round++) {
      const name = `steps-${randomUUID()}`;
      const ack = await call(app.url, 'POST', '/v1/jobs/steps/', { json: { name } });
      const id = ack.body.data.queue_id as string;
      await untilTask(app, id, (a) => a.body?.data?.job_status === 'running');
      const streams = await Promise.all(
        [1, 2, 3].map(() => openStream(`${app.url}/mindoff/queue/${id}/stream/`)),
      );
      // Each stream has shown the task as it was when it opened before the task goes on.
      for (const stream of streams)
        expect((await stream.nextData())?.parsed.job_status).toBe('running');
      gates.open(`${name}:go`);
      for (const stream of streams) {
        const seen: string[] = [];
        for (let event = await stream.nextData(); event; event = await stream.nextData()) {
          seen.push(`${event.parsed.job_status}:${event.parsed.progress.current_step}`);
        }
        expect(seen).toEqual([
          'running:p1',
          'running:p2',
          'running:p3',
          'running:p4',
          'running:p5',
          'completed:',
        ]);
      }
    }
  });
});
