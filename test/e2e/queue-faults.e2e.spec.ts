import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { gates, queueLab } from '../fixtures/queue.module';
import { call, startApp, type RunningApp } from '../support/http-app';
import { startRedisProxy, type RedisProxy } from '../support/redis-proxy';
import { startPrivateRedis, type PrivateRedis } from '../support/redis-server';
import { codeOf, untilTask } from '../support/task-poll';

const bearer = (user: string) => ({ authorization: `Bearer user-${user}` });

/** Enqueues a report (version 2 runs at once), retrying while the broker reconnects. */
async function enqueueReport(app: RunningApp, name: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const ack = await call(app.url, 'POST', '/v2/jobs/report/', { json: { name } });
    if (codeOf(ack) === 'QUEUED') return ack.body.data.queue_id as string;
    expect(codeOf(ack)).toBe('QUEUE_SERVICE_UNAVAILABLE');
    if (attempt > 50) throw new Error(`broker never came back: ${ack.text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('BullMQ queue mode when Redis misbehaves', () => {
  let redis: PrivateRedis;
  let admin: Redis;
  let app: RunningApp;
  const prefix = `faults-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    admin = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    admin.on('error', () => undefined);
    app = await startApp(
      queueLab({
        connection: redis.url,
        prefix,
        commandTimeoutMs: 1000,
        retention: { completedSeconds: 2, failedSeconds: 60 },
      }),
      'express',
    );
  });
  afterAll(async () => {
    await app?.close();
    admin?.disconnect();
    await redis?.kill();
  });

  it('finishes a running task and the tasks enqueued right after its worker’s connections were dropped', async () => {
    const name = `drop-${randomUUID()}`;
    const ack = await call(app.url, 'POST', '/v1/jobs/report/', { json: { name } });
    const id = ack.body.data.queue_id as string;
    await untilTask(app, id, (a) => a.body?.data?.progress?.percent === 20);
    // Every connection of the app (worker, commands, events) is cut; ioredis makes new ones.
    const killed = await admin.call('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
    expect(Number(killed)).toBeGreaterThan(0);
    // The task reaches its next checkpoints while the connections are being made again.
    gates.open(`${name}:collect`);
    gates.open(`${name}:summarize`);
    const after = await Promise.all([1, 2, 3, 4].map((i) => enqueueReport(app, `${name}-${i}`)));
    const done = await untilTask(app, id, (a) => codeOf(a) !== 'QUEUE_TASK_RUNNING', {}, 30_000);
    expect([codeOf(done), done.body.data]).toEqual(['SUCCESS', { name, version: 1 }]);
    for (const [i, later] of after.entries()) {
      const result = await untilTask(app, later, (a) => codeOf(a) === 'SUCCESS', {}, 30_000);
      expect(result.body.data).toEqual({ name: `${name}-${i + 1}`, version: 2 });
    }
  });

  it('keeps no inputs of a completed task in Redis, and forgets it after its retention on an idle queue', async () => {
    const name = `idle-${randomUUID()}`;
    const id = await enqueueReport(app, name);
    await untilTask(app, id, (a) => codeOf(a) === 'SUCCESS');
    const jobKey = `${prefix}:mindoff:${id}`;
    let data = JSON.parse((await admin.hget(jobKey, 'data')) ?? '{}');
    for (let i = 0; i < 50 && data.request?.payload !== null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      data = JSON.parse((await admin.hget(jobKey, 'data')) ?? '{}');
    }
    expect(data.request).toEqual({
      urlName: 'jobs__report',
      version: 2,
      payload: null,
      query: {},
      params: {},
      user: null,
      requestId: expect.any(String),
    });
    // Nothing else finishes on this queue: the retention is enforced all the same.
    const gone = await untilTask(app, id, (a) => a.status === 404, {}, 15_000);
    expect(codeOf(gone)).toBe('QUEUE_TASK_NOT_FOUND');
    expect(await admin.exists(jobKey)).toBe(0);
  });

  it('reads a page of one owner’s list at the same cost however many tasks others have', async () => {
    const idle = await startApp(
      queueLab({ connection: redis.url, prefix: `${prefix}-list`, worker: false }),
      'fastify',
    );
    try {
      const owner = `lister-${randomUUID().slice(0, 6)}`;
      for (let i = 0; i < 3; i++) {
        await call(idle.url, 'POST', '/v1/jobs/mine/', { headers: bearer(owner) });
      }
      // The fewest of three reads: a command of the app's own timers landing in a window only adds.
      const commandsOfOneList = async () => {
        const counts = [];
        for (let i = 0; i < 3; i++) counts.push(await commandsOfOneRead());
        return Math.min(...counts);
      };
      const commandsOfOneRead = async () => {
        await admin.config('RESETSTAT');
        const page = await call(idle.url, 'GET', '/mindoff/queue/list/?page_size=2', {
          headers: bearer(owner),
        });
        expect([page.body.data.count, page.body.data.tasks.length]).toEqual([3, 2]);
        const stats = await admin.info('commandstats');
        return [...stats.matchAll(/calls=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
      };
      const before = await commandsOfOneList();
      const other = bearer(`crowd-${randomUUID().slice(0, 6)}`);
      for (let i = 0; i < 300; i += 30) {
        await Promise.all(
          Array.from({ length: 30 }, () =>
            call(idle.url, 'POST', '/v1/jobs/mine/', { headers: other }),
          ),
        );
      }
      const after = await commandsOfOneList();
      console.log(
        `Redis commands for one list page: ${before} (alone), ${after} (300 other tasks)`,
      );
      expect(after).toBeLessThanOrEqual(before + 5);
    } finally {
      await idle.close();
    }
  });

  it('answers 503 within the command timeout while Redis is down, and runs new tasks once it is back', async () => {
    const name = `outage-${randomUUID()}`;
    await redis.kill();
    const started = Date.now();
    const [enqueue, detail] = await Promise.all([
      call(app.url, 'POST', '/v2/jobs/report/', { json: { name } }),
      call(app.url, 'GET', `/mindoff/queue/${randomUUID()}/`),
    ]);
    const elapsed = Date.now() - started;
    console.log(`queue answers with Redis down: ${elapsed} ms`);
    expect([enqueue.status, codeOf(enqueue)]).toEqual([503, 'QUEUE_SERVICE_UNAVAILABLE']);
    expect([detail.status, codeOf(detail)]).toEqual([503, 'QUEUE_SERVICE_UNAVAILABLE']);
    await redis.restart();
    const back = Date.now();
    const id = await enqueueReport(app, name);
    console.log(`queue accepted a task ${Date.now() - back} ms after Redis came back`);
    const done = await untilTask(app, id, (a) => codeOf(a) === 'SUCCESS', {}, 30_000);
    expect(done.body.data).toEqual({ name, version: 2 });
  });
});

describe('BullMQ queue mode when its connections are lost again while being made', () => {
  const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let proxy: RedisProxy;
  const unhandled: unknown[] = [];
  const record = (error: unknown) => unhandled.push(error);
  beforeAll(async () => {
    proxy = await startRedisProxy(REDIS_URL);
    process.on('unhandledRejection', record);
  });
  afterAll(async () => {
    await proxy.close();
    process.off('unhandledRejection', record);
  });

  it.each(['express', 'fastify'] as const)(
    'shuts down on %s with no unhandled rejection while the cancel subscription waits for its reply',
    async (adapter) => {
      const app = await startApp(
        queueLab({
          connection: proxy.url,
          prefix: `faults-${randomUUID()}`,
          commandTimeoutMs: 1000,
        }),
        adapter,
      );
      try {
        // Every connection is up: a task ran end to end.
        const id = await enqueueReport(app, `flap-${randomUUID()}`);
        await untilTask(app, id, (a) => codeOf(a) === 'SUCCESS', {}, 30_000);
        // The connections drop; made again, the subscription's SUBSCRIBE gets no reply.
        proxy.holdRepliesAfter(/SUBSCRIBE/i);
        const resubscribing = proxy.sent(/SUBSCRIBE/i);
        proxy.dropConnections();
        await resubscribing;
      } finally {
        proxy.holdRepliesAfter(undefined);
        await app.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unhandled).toEqual([]);
    },
  );
});
