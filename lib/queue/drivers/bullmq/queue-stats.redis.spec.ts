import { randomUUID } from 'node:crypto';
import { BrokerUnavailableError } from '../../../errors/broker-unavailable.error';
import type { QueueDriver, TaskRunner } from '../../queue-driver';
import type { NewTask } from '../../task.types';
import { BullmqQueueDriver, type BullmqDriverOptions } from './bullmq.driver';
import { EmbeddedQueueDriver } from '../embedded/embedded.driver';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RETENTION = { completedMs: 60_000, failedMs: 60_000 };

const bullmqOptions = (prefix: string): BullmqDriverOptions => ({
  connection: REDIS_URL,
  prefix,
  queueName: 'stats',
  retention: RETENTION,
  commandTimeoutMs: 2000,
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
});

const task = (id: string): NewTask => ({
  id,
  ownerId: null,
  request: {
    urlName: 'jobs__x',
    version: 1,
    payload: {},
    query: {},
    params: {},
    user: null,
    requestId: `req-${id}`,
  },
});

/** Resolves once `check` holds, asking again on each turn of the event loop (bounded by the test timeout). */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** A runner that holds every task until `release()`. */
function heldRunner(): { runner: TaskRunner; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const runner: TaskRunner = async () => {
    await gate;
    return { kind: 'completed', httpStatus: 200, body: {} };
  };
  return { runner, release };
}

describe.each([
  { name: 'embedded', make: () => new EmbeddedQueueDriver(RETENTION) },
  {
    name: 'bullmq',
    make: () => new BullmqQueueDriver(bullmqOptions(`mindoff-test-stats-${randomUUID()}`)),
  },
])('QueueDriver.stats() on the $name driver', ({ make }) => {
  let driver: QueueDriver;
  let release = () => undefined as void;
  beforeEach(() => (driver = make()));
  afterEach(async () => {
    release();
    await driver.close();
  });

  it('reports an empty queue with no worker as nothing waiting and no worker seen', async () => {
    expect(await driver.stats()).toEqual({
      waiting: 0,
      active: 0,
      oldestWaitingAt: null,
      workersSeenAt: null,
    });
  });

  it('counts waiting tasks and dates the oldest from when it was queued', async () => {
    const before = Date.now();
    await driver.enqueue(task('first'));
    const between = Date.now();
    // The second task is queued in a later millisecond, so taking it for the oldest would show.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await driver.enqueue(task('second'));
    const stats = await driver.stats();
    expect(stats).toMatchObject({ waiting: 2, active: 0, workersSeenAt: null });
    expect(stats.oldestWaitingAt).toBeGreaterThanOrEqual(before);
    expect(stats.oldestWaitingAt).toBeLessThanOrEqual(between);
  });

  it('counts a running task as active and sees the worker alive once it starts', async () => {
    const held = heldRunner();
    release = held.release;
    await driver.enqueue(task('runs'));
    await driver.enqueue(task('waits'));
    const started = Date.now();
    await driver.startWorker(held.runner, 1);
    await until(async () => (await driver.stats()).active === 1);
    const stats = await driver.stats();
    expect(stats).toMatchObject({ waiting: 1, active: 1 });
    expect(stats.workersSeenAt).toBeGreaterThanOrEqual(started);
  });
});

describe('BullMQ worker liveness', () => {
  it('is shared through Redis: another process sees the worker, and no longer once it closes', async () => {
    const prefix = `mindoff-test-stats-${randomUUID()}`;
    const worker = new BullmqQueueDriver(bullmqOptions(prefix));
    const api = new BullmqQueueDriver(bullmqOptions(prefix));
    try {
      await worker.startWorker(heldRunner().runner, 1);
      await until(async () => (await api.stats()).workersSeenAt !== null);
    } finally {
      await worker.close();
    }
    try {
      expect((await api.stats()).workersSeenAt).toBeNull();
    } finally {
      await api.close();
    }
  });

  it('rejects with BrokerUnavailableError, within the command timeout, when Redis cannot be reached', async () => {
    const driver = new BullmqQueueDriver({
      ...bullmqOptions(`mindoff-test-stats-${randomUUID()}`),
      connection: 'redis://127.0.0.1:1',
      commandTimeoutMs: 300,
    });
    try {
      await expect(driver.stats()).rejects.toBeInstanceOf(BrokerUnavailableError);
    } finally {
      await driver.close();
    }
  });
});
