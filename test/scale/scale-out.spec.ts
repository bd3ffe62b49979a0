import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { call, type Answer } from '../support/http-app';
import { startPrivateRedis, sparePort, type PrivateRedis } from '../support/redis-server';
import { openStream } from '../support/sse-client';
import { startSample, type SampleProcess } from './sample-process';

jest.setTimeout(180_000);

const PREFIX = `scale-${randomUUID().slice(0, 8)}`;
const ASHA = { authorization: 'Bearer demo-token-asha' };
const RAVI = { authorization: 'Bearer demo-token-ravi' };
const codeOf = (a: Answer) => a.body?.message?.code as string;
const client = (n: number) => ({ 'x-forwarded-for': `10.0.0.${n}` });

/**
 * Follows a task on `api` by its status stream (which no request limit slows down) until a state
 * satisfies `accept`, then reads its detail once; reconnects when a stream ends early.
 */
async function until(
  api: SampleProcess,
  id: string,
  accept: (state: { job_status: string; progress: { current_step: string } }) => boolean,
  headers: Record<string, string>,
  timeoutMs = 30_000,
): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stream = await openStream(`${api.url}/mindoff/queue/${id}/stream/`, headers);
    try {
      for (
        let event = await stream.nextData(20_000);
        event;
        event = await stream.nextData(20_000)
      ) {
        if (accept(event.parsed))
          return await call(api.url, 'GET', `/mindoff/queue/${id}/`, { headers });
      }
    } finally {
      stream.close();
    }
    if (Date.now() > deadline) throw new Error(`task ${id} never reached the state`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ended = (state: { job_status: string }) =>
  ['completed', 'failed', 'cancelled'].includes(state.job_status);

/**
 * The sample as a user scales it out: 2 API-only and 2 worker-only processes on one Redis (the
 * test's own), with rate-limit counters in that Redis too.
 */
describe('the sample scaled out: 2 API processes and 2 workers on one Redis', () => {
  let redis: PrivateRedis;
  let admin: Redis;
  let a: SampleProcess;
  let b: SampleProcess;
  let workers: SampleProcess[] = [];
  const env = () => ({
    REDIS_URL: redis.url,
    SAMPLE_QUEUE_PREFIX: PREFIX,
    SAMPLE_RATE_LIMIT: '200/m',
    TRUST_PROXY: '1',
    QUEUE_LOCK_MS: '1000',
    SAMPLE_REPORT_PAUSE_MS: '0',
    SAMPLE_EXPORT_PAUSE_MS: '400',
  });

  beforeAll(async () => {
    redis = await startPrivateRedis();
    admin = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    admin.on('error', () => undefined);
    [a, b, ...workers] = await Promise.all([
      startSample('api', await sparePort(), env()),
      startSample('api', await sparePort(), env()),
      startSample('worker', 0, env()),
      startSample('worker', 0, env()),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a, b, ...workers].map((p) => p?.stop('SIGKILL')));
    admin?.disconnect();
    await redis?.kill();
  });

  it('streams from B a task enqueued on A and run by a worker, and cancels from B on the worker', async () => {
    const ack = await call(a.url, 'POST', '/v1/jobs/export_my_orders/', {
      json: { format: 'csv' },
      headers: ASHA,
    });
    expect(codeOf(ack)).toBe('QUEUED');
    const stream = await openStream(
      `${b.url}/mindoff/queue/${ack.body.data.queue_id}/stream/`,
      ASHA,
    );
    const seen: string[] = [];
    for (let event = await stream.nextData(); event; event = await stream.nextData()) {
      seen.push(`${event.parsed.job_status}:${event.parsed.progress.current_step}`);
    }
    expect(seen.slice(-3)).toEqual(['running:gather', 'running:write', 'completed:']);
    // The sample's bull-board (on BullMQ and express) shows the same task on the other instance.
    const board = await call(
      b.url,
      'GET',
      '/queues/api/queues?activeQueue=mindoff&status=completed',
    );
    const queue = (board.body.queues as { name: string; jobs: { id: string }[] }[]).find(
      (q) => q.name === 'mindoff',
    );
    expect(queue?.jobs.map((job) => job.id)).toContain(ack.body.data.queue_id);

    const next = await call(a.url, 'POST', '/v1/jobs/export_my_orders/', {
      json: { format: 'json' },
      headers: ASHA,
    });
    const id = next.body.data.queue_id as string;
    await until(b, id, (s) => s.progress.current_step === 'gather', ASHA);
    const cancel = await call(b.url, 'POST', `/mindoff/queue/${id}/cancel/`, { headers: ASHA });
    expect(cancel.body.data).toEqual({ queue_id: id, job_status: 'cancel_requested' });
    const done = await until(a, id, ended, ASHA);
    expect(codeOf(done)).toBe('QUEUE_TASK_CANCELLED');
  });

  it('holds a rate limit exactly across A and B under 60 concurrent requests', async () => {
    const who = client(200);
    for (let i = 0; i < 170; i++) {
      const answer = await call(i % 2 ? a.url : b.url, 'GET', '/v1/shop/get_profile/', {
        headers: who,
      });
      expect(answer.status).toBe(200);
    }
    const burst = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        call(i % 2 ? a.url : b.url, 'GET', '/v1/shop/get_profile/', { headers: who }),
      ),
    );
    const codes = burst.map(codeOf);
    expect([
      codes.filter((c) => c === 'SUCCESS').length,
      codes.filter((c) => c === 'API_RATE_LIMITED').length,
    ]).toEqual([30, 30]);
  });

  it('gives 200 identical requests split across A and B one task', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        call(i % 2 ? a.url : b.url, 'POST', '/v1/jobs/export_my_orders/', {
          json: { format: 'csv' },
          headers: RAVI,
        }),
      ),
    );
    expect(new Set(answers.map(codeOf))).toEqual(new Set(['QUEUED']));
    const ids = new Set(answers.map((r) => r.body.data.queue_id as string));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(codeOf(await until(a, id!, ended, RAVI))).toBe('SUCCESS');
  });

  it('runs 2,000 tasks from 20 clients across A and B: all completed, none twice, none lost', async () => {
    const before = Number(/used_memory:(\d+)/.exec(await admin.info('memory'))![1]);
    const started = Date.now();
    const ids = (
      await Promise.all(
        Array.from({ length: 20 }, async (_, c) => {
          const mine: string[] = [];
          for (let i = 0; i < 100; i++) {
            const api = (c + i) % 2 ? a : b;
            const ack = await call(api.url, 'POST', '/v1/jobs/generate_inventory_report/', {
              json: { report_name: `r-${c}-${i}` },
              headers: client(c + 1),
            });
            expect(codeOf(ack)).toBe('QUEUED');
            mine.push(ack.body.data.queue_id as string);
          }
          return mine;
        }),
      )
    ).flat();
    expect(new Set(ids).size).toBe(2000);
    const completed = `${PREFIX}:mindoff:completed`;
    const deadline = Date.now() + 120_000;
    while ((await admin.zcard(completed)) < 2000 + 2) {
      if (Date.now() > deadline) throw new Error(`only ${await admin.zcard(completed)} completed`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (Date.now() - started) / 1000;
    const after = Number(/used_memory:(\d+)/.exec(await admin.info('memory'))![1]);
    const pipeline = admin.pipeline();
    for (const id of ids)
      pipeline.hmget(`${PREFIX}:mindoff:${id}`, 'finishedOn', 'ats', 'failedReason');
    const jobs = (await pipeline.exec())!.map(([, fields]) => fields as (string | null)[]);
    // Each finished, started once (no second run), and none failed.
    expect(
      jobs.filter(([finished, ats, failed]) => finished && ats === '1' && !failed),
    ).toHaveLength(2000);
    console.log(
      `scale-out: 2,000 tasks in ${seconds.toFixed(1)} s (${Math.round(2000 / seconds)} tasks/s, enqueue to completion), ` +
        `Redis ${Math.round((after - before) / 2000)} bytes per finished task`,
    );
  });

  it('hands a task whose worker was killed (kill -9) to the other worker, which finishes it once', async () => {
    const [first, second] = workers as [SampleProcess, SampleProcess];
    second.child.kill('SIGSTOP');
    try {
      const ack = await call(a.url, 'POST', '/v1/jobs/export_my_orders/', {
        json: { format: 'json' },
        headers: ASHA,
      });
      const id = ack.body.data.queue_id as string;
      await until(b, id, (s) => s.job_status === 'running', ASHA);
      await first.stop('SIGKILL');
      second.child.kill('SIGCONT');
      const done = await until(a, id, ended, ASHA, 60_000);
      expect(done.body.data).toEqual({ user: 'Asha', format: 'json', rows: 0 });
      const [ats, stalled] = await admin.hmget(`${PREFIX}:mindoff:${id}`, 'ats', 'stc');
      console.log(
        `taken back after kill -9: started ${ats} times, stalled ${stalled ?? 0} time(s)`,
      );
      const events = await admin.xrevrange(`${PREFIX}:mindoff:events`, '+', '-', 'COUNT', 500);
      const completions = events.filter(([, fields]) => {
        const event = Object.fromEntries(
          fields.flatMap((f, i) => (i % 2 ? [] : [[f, fields[i + 1]]])),
        );
        return event.event === 'completed' && event.jobId === id;
      });
      expect(completions).toHaveLength(1);
    } finally {
      second.child.kill('SIGCONT');
    }
    workers = [second, await startSample('worker', 0, env())];
  });

  it('finishes a running task whose worker connections were dropped', async () => {
    const ack = await call(a.url, 'POST', '/v1/jobs/export_my_orders/', {
      json: { format: 'csv' },
      headers: ASHA,
    });
    const id = ack.body.data.queue_id as string;
    await until(a, id, (s) => s.job_status === 'running', ASHA);
    await admin.call('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
    const done = await until(b, id, ended, ASHA, 60_000);
    expect(codeOf(done)).toBe('SUCCESS');
  });

  it('answers 503 envelopes while Redis is down, and recovers without restarting anything', async () => {
    await redis.kill();
    const started = Date.now();
    const [enqueue, detail, direct] = await Promise.all([
      call(a.url, 'POST', '/v1/jobs/generate_inventory_report/', {
        json: { report_name: 'down' },
        headers: client(99),
      }),
      call(b.url, 'GET', `/mindoff/queue/${randomUUID()}/`, { headers: client(99) }),
      call(b.url, 'GET', '/v1/shop/get_profile/', { headers: client(99) }),
    ]);
    const elapsed = Date.now() - started;
    // The queue's broker and the rate limits' store are both down: every answer is a 503 envelope
    // (rate limits fail closed, the default policy), whichever of the two refused first.
    const down = new Set(['QUEUE_SERVICE_UNAVAILABLE', 'RATE_LIMIT_UNAVAILABLE']);
    for (const answer of [enqueue, detail, direct]) {
      expect([answer.status, down.has(codeOf(answer))]).toEqual([503, true]);
    }
    expect(codeOf(direct)).toBe('RATE_LIMIT_UNAVAILABLE');
    console.log(
      `Redis down: answered in ${elapsed} ms (${codeOf(enqueue)}, ${codeOf(detail)}, ${codeOf(direct)})`,
    );
    await redis.restart();
    const back = Date.now();
    let recovered: Answer | undefined;
    const accepted: string[] = [];
    while (accepted.length < 20) {
      if (Date.now() - back > 60_000) throw new Error(`no recovery: ${recovered?.text}`);
      recovered = await call(
        accepted.length % 2 ? a.url : b.url,
        'POST',
        '/v1/jobs/generate_inventory_report/',
        {
          json: { report_name: `back-${accepted.length}` },
          headers: client(98),
        },
      );
      if (codeOf(recovered) === 'QUEUED') accepted.push(recovered.body.data.queue_id as string);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`Redis back: tasks accepted again after ${Date.now() - back} ms`);
    for (const id of accepted) {
      expect(codeOf(await until(a, id, ended, client(98)))).toBe('SUCCESS');
    }
  });
});
