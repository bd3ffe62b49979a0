import { randomUUID } from 'node:crypto';
import { Cluster } from 'ioredis';
import { MindoffHealthIndicator } from 'mindoff';
import { gates, runs } from '../fixtures/queue.module';
import { topologyLab } from '../fixtures/redis-topology.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';
import { startRedisCluster, type PrivateRedisCluster } from '../support/redis-cluster';
import { startSentinelSet, type PrivateSentinelSet } from '../support/redis-sentinel';
import { startTlsRedis, type PrivateTlsRedis } from '../support/redis-tls';
import { openStream, type SseConnection } from '../support/sse-client';
import { codeOf, untilTask } from '../support/task-poll';
import { waitUntil } from '../support/wait-until';
import { failoverReport } from '../support/failover-report';

jest.setTimeout(120_000);

const from = (n: number) => ({ 'x-forwarded-for': `10.9.${Math.floor(n / 250)}.${n % 250}` });
const ENDED = ['completed', 'failed', 'cancelled'];

/** Enqueues a report (version 2 runs at once), retrying while the broker is failing over. */
async function enqueueUntilQueued(app: RunningApp, name: string, version = 2): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const ack = await call(app.url, 'POST', `/v${version}/jobs/report/`, { json: { name } });
    if (codeOf(ack) === 'QUEUED') return ack.body.data.queue_id as string;
    expect([ack.status, codeOf(ack)]).toEqual([503, 'QUEUE_SERVICE_UNAVAILABLE']);
    if (attempt > 300) throw new Error(`the queue never came back: ${ack.text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A task's detail once it ended, read through 503s while the broker fails over. */
const untilEnded = (app: RunningApp, id: string) =>
  untilTask(
    app,
    id,
    (a) => a.status !== 503 && !['QUEUE_TASK_PENDING', 'QUEUE_TASK_RUNNING'].includes(codeOf(a)),
    {},
    60_000,
  );

/**
 * Follows a task's status stream to its terminal event, resuming with Last-Event-ID whenever
 * the stream ends early; returns every state seen, in order.
 */
async function followToEnd(app: RunningApp, id: string, lastEventId?: string): Promise<string[]> {
  const seen: string[] = [];
  for (let attempt = 0; attempt < 100; attempt++) {
    const headers: Record<string, string> = lastEventId ? { 'last-event-id': lastEventId } : {};
    let stream: SseConnection | undefined;
    try {
      stream = await openStream(`${app.url}/mindoff/queue/${id}/stream/`, headers);
      for (
        let event = await stream.nextData(30_000);
        event;
        event = await stream.nextData(30_000)
      ) {
        lastEventId = event.id ?? lastEventId;
        seen.push(event.parsed.job_status);
        if (ENDED.includes(event.parsed.job_status)) return seen;
      }
    } catch {
      // The stream broke with its Redis: resume below.
    } finally {
      stream?.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the stream of ${id} never reached a terminal event: ${seen.join(', ')}`);
}

/** Counts `n` requests of `client` to the limited API; the codes, in order. */
async function limited(app: RunningApp, client: number, n: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    codes.push(codeOf(await call(app.url, 'GET', '/v1/topo/limited/', { headers: from(client) })));
  }
  return codes;
}

const health = async (app: RunningApp) => {
  const indicator = app.app.get(MindoffHealthIndicator);
  const [queue, rateLimit] = await Promise.all([
    indicator.queue('queue'),
    indicator.rateLimit('rateLimit'),
  ]);
  return { queue: queue.queue.status, rateLimit: rateLimit.rateLimit.status };
};

/** Starts tasks held at their first gate and waits until each is running there. */
async function runningTasks(
  app: RunningApp,
  count: number,
): Promise<{ name: string; id: string }[]> {
  const tasks = [];
  for (let i = 0; i < count; i++) {
    const name = `held-${randomUUID()}`;
    tasks.push({ name, id: await enqueueUntilQueued(app, name, 1) });
  }
  for (const { id } of tasks)
    await untilTask(app, id, (a) => a.body?.data?.progress?.percent === 20);
  return tasks;
}

/** Lets the tasks finish, and says how often each one ran. */
async function finishAndCount(app: RunningApp, tasks: { name: string; id: string }[]) {
  for (const { name } of tasks) {
    gates.open(`${name}:collect`);
    gates.open(`${name}:summarize`);
  }
  const outcomes = await Promise.all(tasks.map(({ id }) => untilEnded(app, id)));
  return outcomes.map((answer, i) => ({
    code:
      codeOf(answer) === 'SUCCESS' ? 'SUCCESS' : `${codeOf(answer)} ${JSON.stringify(answer.body)}`,
    runs: runs.filter((run) => (run.payload as { name?: string }).name === tasks[i].name).length,
  }));
}

/** A POST repeated with its Idempotency-Key is answered from the store, the same answer. */
async function expectReplayed(app: RunningApp): Promise<void> {
  const headers = { 'idempotency-key': randomUUID() };
  const first = await call(app.url, 'POST', '/v1/topo/once/', { json: {}, headers });
  const again = await call(app.url, 'POST', '/v1/topo/once/', { json: {}, headers });
  expect([codeOf(first), first.headers.get('idempotent-replayed')]).toEqual(['SUCCESS', null]);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect(again.body).toEqual(first.body);
}

/** Every task finished once and successfully, and the followed stream saw the terminal event. */
async function expectEachRanOnce(
  app: RunningApp,
  tasks: { name: string; id: string }[],
  followed: Promise<string[]>,
): Promise<void> {
  expect(await finishAndCount(app, tasks)).toEqual(tasks.map(() => ({ code: 'SUCCESS', runs: 1 })));
  expect((await followed).at(-1)).toBe('completed');
}

/**
 * Kills a master with `kill`, then times the recovery from that moment: until `failedOver`
 * says the topology moved on, until a task is enqueued again, and until health is up again
 * (after it went down). Measured, never asserted.
 */
async function throughFailover(
  app: RunningApp,
  kill: () => Promise<void>,
  failedOver: () => Promise<void>,
): Promise<{ failedOverMs: number; enqueueMs: number; healthMs: number }> {
  const killedAt = Date.now();
  await kill();
  await waitUntil(async () => (await health(app)).queue === 'down', { everyMs: 50, attempts: 400 });
  await failedOver();
  const failedOverMs = Date.now() - killedAt;
  await enqueueUntilQueued(app, `after-${randomUUID()}`);
  const enqueueMs = Date.now() - killedAt;
  await waitUntil(async () => (await health(app)).queue === 'up', { everyMs: 50, attempts: 600 });
  return { failedOverMs, enqueueMs, healthMs: Date.now() - killedAt };
}

describe('Redis Cluster, 3 masters and 3 replicas started by the test', () => {
  let cluster: PrivateRedisCluster;
  beforeAll(async () => (cluster = await startRedisCluster()));
  afterAll(() => cluster?.close());

  it.each([
    ['queue.connection', { queue: {} }],
    ['rateLimit.redis', { rateLimit: {} }],
  ] as const)(
    'refuses at startup a URL of one Cluster node given as %s, naming it',
    async (option, shape) => {
      const url = `redis://127.0.0.1:${cluster.nodes[0].port}`;
      const options =
        'queue' in shape ? { queue: { connection: url } } : { rateLimit: { redis: url } };
      await expect(startApp(topologyLab(options), 'express')).rejects.toThrow(
        `MindoffModule: ${option} names 127.0.0.1:${cluster.nodes[0].port}, one node of a Redis Cluster`,
      );
    },
  );

  it.each(ADAPTERS)(
    'runs tasks, streams, limits, idempotency keys and health on a Cluster given as new Cluster(...) and { cluster } (%s)',
    async (adapter) => {
      const given = new Cluster(cluster.nodes, { lazyConnect: true });
      const app = await startApp(
        topologyLab({
          queue: { connection: given },
          rateLimit: { redis: { cluster: cluster.nodes } },
          idempotency: { store: { redis: { cluster: cluster.nodes } } },
        }),
        adapter,
      );
      try {
        const id = await enqueueUntilQueued(app, `cluster-${adapter}`);
        const done = await untilEnded(app, id);
        expect([codeOf(done), done.body.data]).toEqual([
          'SUCCESS',
          { name: `cluster-${adapter}`, version: 2 },
        ]);
        const held = await runningTasks(app, 1);
        const followed = followToEnd(app, held[0].id);
        expect(await finishAndCount(app, held)).toEqual([{ code: 'SUCCESS', runs: 1 }]);
        expect((await followed).at(-1)).toBe('completed');
        const client = adapter === 'express' ? 1 : 2;
        expect(await limited(app, client, 4)).toEqual([
          'SUCCESS',
          'SUCCESS',
          'SUCCESS',
          'API_RATE_LIMITED',
        ]);
        await expectReplayed(app);
        expect(await health(app)).toEqual({ queue: 'up', rateLimit: 'up' });
        // mindoff opened copies of the given client, never the client itself.
        expect(given.status).toBe('wait');
      } finally {
        await app.close();
        given.disconnect();
      }
    },
  );

  it('carries a cancel by pub/sub to the worker of another instance, and retries the task', async () => {
    const connection = { cluster: cluster.nodes };
    const [api, worker] = await Promise.all([
      startApp(topologyLab({ queue: { connection, worker: false } }), 'express'),
      startApp(topologyLab({ queue: { connection } }), 'fastify'),
    ]);
    try {
      const ack = await call(api.url, 'POST', '/v1/jobs/wait_signal/');
      const id = ack.body.data.queue_id as string;
      await untilTask(api, id, (a) => codeOf(a) === 'QUEUE_TASK_RUNNING');
      // The task waits for its AbortSignal only: nothing but the published cancel can end it.
      const cancel = await call(api.url, 'POST', `/mindoff/queue/${id}/cancel/`);
      expect(cancel.body.data).toEqual({ queue_id: id, job_status: 'cancel_requested' });
      expect(codeOf(await untilEnded(api, id))).toBe('QUEUE_TASK_CANCELLED');
      expect(codeOf(await call(api.url, 'POST', `/mindoff/queue/${id}/retry/`))).toBe('QUEUED');
      await untilTask(api, id, (a) => codeOf(a) === 'QUEUE_TASK_RUNNING');
      await call(api.url, 'POST', `/mindoff/queue/${id}/cancel/`);
      expect(codeOf(await untilEnded(api, id))).toBe('QUEUE_TASK_CANCELLED');
    } finally {
      await Promise.all([api.close(), worker.close()]);
    }
  });

  it('spreads rate-limit counters over the shards (one hash tag per counter)', async () => {
    const app = await startApp(
      topologyLab({ rateLimit: { redis: { cluster: cluster.nodes } } }),
      'express',
    );
    try {
      for (let client = 100; client < 112; client++) await limited(app, client, 1);
      const probe = new Cluster(cluster.nodes);
      await new Promise((resolve) => probe.once('ready', resolve));
      try {
        const keys = await Promise.all(
          probe.nodes('master').map((node) => node.keys('mindoff:rl:*')),
        );
        expect(keys.filter((onNode) => onNode.length > 0).length).toBeGreaterThan(1);
      } finally {
        probe.disconnect();
      }
    } finally {
      await app.close();
    }
  });

  it('fails over the master of the queue slot (kill -9) while tasks run and a client streams: nothing lost', async () => {
    const app = await startApp(
      topologyLab({
        queue: { connection: { cluster: cluster.nodes }, commandTimeoutMs: 1000 },
        rateLimit: { redis: { cluster: cluster.nodes }, commandTimeoutMs: 500 },
      }),
      'express',
    );
    try {
      const queueMaster = await cluster.masterOf('{mindoff}');
      // A client whose counter lives on another shard has used 1 of its 3 requests.
      const probe = new Cluster(cluster.nodes);
      await new Promise((resolve) => probe.once('ready', resolve));
      let survivor = -1;
      let victim = -1;
      try {
        for (let client = 200; client < 260 && (survivor < 0 || victim < 0); client++) {
          await limited(app, client, 1);
          for (const node of probe.nodes('master')) {
            const own = await node.keys(`*${from(client)['x-forwarded-for']}*`);
            if (own.length === 0) continue;
            if (node.options.port === queueMaster) victim = client;
            else survivor = client;
          }
        }
      } finally {
        probe.disconnect();
      }
      expect([survivor, victim].every((client) => client > 0)).toBe(true);
      let victimDuringFailover: string[] = [];
      const tasks = await runningTasks(app, 3);
      const firstStream = await openStream(`${app.url}/mindoff/queue/${tasks[0].id}/stream/`);
      const first = await firstStream.nextData();
      firstStream.close();
      expect(first?.parsed.job_status).toBe('running');

      const followed = followToEnd(app, tasks[0].id, first?.id);
      const times = await throughFailover(
        app,
        async () => {
          await cluster.kill(queueMaster);
          // A counter on the dead shard: a bounded 503 (the slot cannot move within 500 ms).
          victimDuringFailover = await limited(app, victim, 1);
        },
        () => cluster.failedOver(queueMaster, '{mindoff}'),
      );

      await expectEachRanOnce(app, tasks, followed);
      expect(await limited(app, survivor, 3)).toEqual(['SUCCESS', 'SUCCESS', 'API_RATE_LIMITED']);
      expect(victimDuringFailover).toEqual(['RATE_LIMIT_UNAVAILABLE']);
      failoverReport('Redis Cluster: kill -9 of the master of {mindoff}', times);
    } finally {
      await app.close();
    }
  });
});

describe('Redis Sentinel: a master, a replica and a sentinel started by the test', () => {
  let set: PrivateSentinelSet;
  beforeAll(async () => (set = await startSentinelSet()));
  afterAll(() => set?.close());

  it('runs on { sentinels, name, sentinelPassword } and fails over (kill -9 of the master) without losing a task', async () => {
    const { sentinels, name, sentinelPassword, password } = set;
    const connection = { sentinels, name, sentinelPassword, password };
    const app = await startApp(
      topologyLab({
        queue: { connection, commandTimeoutMs: 1000 },
        rateLimit: { redis: connection },
      }),
      'fastify',
    );
    try {
      expect(await limited(app, 300, 1)).toEqual(['SUCCESS']);
      const tasks = await runningTasks(app, 2);
      const master = await set.master();
      const followed = followToEnd(app, tasks[0].id);
      const times = await throughFailover(
        app,
        () => set.kill(master),
        () => set.failedOver(master),
      );
      await expectEachRanOnce(app, tasks, followed);
      // The replica had the counter: 1 of 3 used before, so 2 more pass and the next is refused.
      expect(await limited(app, 300, 3)).toEqual(['SUCCESS', 'SUCCESS', 'API_RATE_LIMITED']);
      failoverReport('Redis Sentinel: kill -9 of the master', times);
    } finally {
      await app.close();
    }
  });
});

describe('Redis over TLS (a throwaway CA) with an ACL user', () => {
  let tls: PrivateTlsRedis;
  beforeAll(async () => (tls = await startTlsRedis()));
  afterAll(() => tls?.close());

  it.each(ADAPTERS)(
    'runs the queue, the counters and idempotency keys with the ACL user and the private CA (%s)',
    async (adapter) => {
      const { port, username, password, ca } = tls;
      const app = await startApp(
        topologyLab({
          queue: { connection: { host: '127.0.0.1', port, username, password, tls: { ca } } },
          rateLimit: { redis: { host: '127.0.0.1', port, username, password, tls: { ca } } },
          idempotency: {
            store: { redis: { host: '127.0.0.1', port, username, password, tls: { ca } } },
          },
        }),
        adapter,
      );
      try {
        const id = await enqueueUntilQueued(app, `tls-${adapter}`);
        expect(codeOf(await untilEnded(app, id))).toBe('SUCCESS');
        expect(await limited(app, adapter === 'express' ? 400 : 401, 4)).toEqual([
          'SUCCESS',
          'SUCCESS',
          'SUCCESS',
          'API_RATE_LIMITED',
        ]);
        await expectReplayed(app);
        expect(await health(app)).toEqual({ queue: 'up', rateLimit: 'up' });
      } finally {
        await app.close();
      }
    },
  );

  it.each([
    ['queue.connection', 'queue'],
    ['rateLimit.redis', 'rateLimit'],
  ] as const)('refuses a wrong password at startup, naming %s', async (option, store) => {
    const wrong = {
      host: '127.0.0.1',
      port: tls.port,
      username: tls.username,
      password: 'nope',
      tls: { ca: tls.ca },
    };
    const options =
      store === 'queue' ? { queue: { connection: wrong } } : { rateLimit: { redis: wrong } };
    await expect(startApp(topologyLab(options), 'express')).rejects.toThrow(
      `MindoffModule: the Redis of ${option} refused its credentials (WRONGPASS`,
    );
  });
});
