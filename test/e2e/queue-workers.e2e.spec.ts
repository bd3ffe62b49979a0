import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { gates, queueLab } from '../fixtures/queue.module';
import { call, startApp, type RunningApp } from '../support/http-app';
import { codeOf, untilTask } from '../support/task-poll';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Starts the worker-only entry point in its own process. */
async function startWorkerProcess(prefix: string): Promise<ChildProcess> {
  const child = fork(join(__dirname, '../fixtures/queue-worker.main.ts'), [REDIS_URL, prefix], {
    execArgv: ['--require', join(__dirname, '../support/ts-register.js')],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return child;
}

describe('BullMQ workers in separate processes', () => {
  const prefix = `mindoff-workers-${randomUUID().slice(0, 8)}`;
  let api: RunningApp;
  let worker: ChildProcess;

  beforeAll(async () => {
    api = await startApp(queueLab({ connection: REDIS_URL, prefix, worker: false }), 'express');
    worker = await startWorkerProcess(prefix);
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await api?.close();
  });

  it('runs a task enqueued by an API-only process, with progress seen by the API', async () => {
    const name = `remote-${randomUUID()}`;
    const id = (await call(api.url, 'POST', '/v1/jobs/report/', { json: { name } })).body.data
      .queue_id as string;
    const running = await untilTask(api, id, (a) => a.body?.data?.progress?.percent === 20);
    expect(codeOf(running)).toBe('QUEUE_TASK_RUNNING');
    worker.send(`${name}:collect`);
    worker.send(`${name}:summarize`);
    const done = await untilTask(api, id, (a) => codeOf(a) === 'SUCCESS');
    expect(done.body.data).toEqual({ name, version: 1 });
  });

  it('fires the AbortSignal in the process that runs the task when the API process cancels it', async () => {
    const id = (await call(api.url, 'POST', '/v1/jobs/wait_signal/')).body.data.queue_id as string;
    await untilTask(api, id, (a) => a.body?.data?.job_status === 'running');
    const cancel = await call(api.url, 'POST', `/mindoff/queue/${id}/cancel/`);
    expect(cancel.body.data.job_status).toBe('cancel_requested');
    const cancelled = await untilTask(api, id, (a) => codeOf(a) === 'QUEUE_TASK_CANCELLED');
    expect(cancelled.body.data).toEqual({
      queue_id: id,
      job_status: 'cancelled',
      request_id: expect.any(String),
    });
  });

  it('recovers a task whose worker process died: another worker runs it to the end', async () => {
    const name = `stalled-${randomUUID()}`;
    const id = (await call(api.url, 'POST', '/v1/jobs/report/', { json: { name } })).body.data
      .queue_id as string;
    await untilTask(api, id, (a) => a.body?.data?.job_status === 'running');
    worker.kill('SIGKILL');
    gates.open(`${name}:collect`);
    gates.open(`${name}:summarize`);
    const rescuer = await startApp(
      queueLab({ connection: REDIS_URL, prefix, stalledIntervalMs: 500 }),
      'express',
    );
    try {
      const done = await untilTask(api, id, (a) => codeOf(a) === 'SUCCESS');
      expect(done.body.data).toEqual({ name, version: 1 });
    } finally {
      await rescuer.close();
    }
  });
});
