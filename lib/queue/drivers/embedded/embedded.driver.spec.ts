import { EmbeddedQueueDriver } from './embedded.driver';
import type { TaskRunner } from '../../queue-driver';
import type { NewTask } from '../../task.types';
import { BrokerUnavailableError } from '../../../errors/broker-unavailable.error';
import { RECORD_BYTES } from './embedded-entry';

const task = (id: string, dedupKey?: string, payload: unknown = {}): NewTask => ({
  id,
  ownerId: 'user:1',
  dedupKey,
  request: {
    urlName: 'jobs__x',
    version: 1,
    payload,
    query: { q: '1' },
    params: {},
    user: null,
    requestId: 'req-1',
  },
});
const fails: TaskRunner = async () => ({
  kind: 'failed',
  httpStatus: 400,
  error: { code: 'VALIDATION_ERR', message: 'no' },
});
const settle = () => new Promise((resolve) => setImmediate(resolve));

const completes: TaskRunner = async () => ({ kind: 'completed', httpStatus: 200, body: { ok: 1 } });

describe('EmbeddedQueueDriver', () => {
  let driver: EmbeddedQueueDriver;
  afterEach(() => driver.close());

  it('forgets finished tasks after their retention (completed and failed kept apart)', async () => {
    jest.useFakeTimers();
    try {
      driver = new EmbeddedQueueDriver({ completedMs: 1000, failedMs: 5000 });
      await driver.enqueue(task('b'));
      expect(await driver.cancel('b')).toBe('cancelled');
      await driver.startWorker(completes, 1);
      await driver.enqueue(task('a'));
      await jest.advanceTimersByTimeAsync(0);
      expect((await driver.get('a'))?.status).toBe('completed');
      await jest.advanceTimersByTimeAsync(1001);
      expect(await driver.get('a')).toBeNull();
      expect((await driver.get('b'))?.status).toBe('cancelled');
      await jest.advanceTimersByTimeAsync(4000);
      expect(await driver.get('b')).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it('shares one task between identical in-flight requests and frees the key when it ends', async () => {
    driver = new EmbeddedQueueDriver();
    expect(await driver.enqueue(task('a', 'k'))).toEqual({ id: 'a', duplicate: false });
    expect(await driver.enqueue(task('b', 'k'))).toEqual({ id: 'a', duplicate: true });
    expect(await driver.cancel('a')).toBe('cancelled');
    expect(await driver.enqueue(task('c', 'k'))).toEqual({ id: 'c', duplicate: false });
  });

  it('hands out a single-use value once, and never after it expired', async () => {
    driver = new EmbeddedQueueDriver();
    await driver.ephemeral.putOnce('t1', 'v', 60_000);
    expect(await driver.ephemeral.takeOnce('t1')).toBe('v');
    expect(await driver.ephemeral.takeOnce('t1')).toBeNull();
    await driver.ephemeral.putOnce('t2', 'v', -1);
    expect(await driver.ephemeral.takeOnce('t2')).toBeNull();
  });

  it('counts slots up to the limit and gives them back', async () => {
    driver = new EmbeddedQueueDriver();
    expect(await driver.ephemeral.acquireSlot('o', 2)).toBe(true);
    expect(await driver.ephemeral.acquireSlot('o', 2)).toBe(true);
    expect(await driver.ephemeral.acquireSlot('o', 2)).toBe(false);
    await driver.ephemeral.releaseSlot('o');
    expect(await driver.ephemeral.acquireSlot('o', 2)).toBe(true);
    expect(await driver.ephemeral.acquireSlot('other', 0)).toBe(false);
  });

  it('keeps no inputs of a completed task', async () => {
    driver = new EmbeddedQueueDriver();
    await driver.startWorker(completes, 1);
    await driver.enqueue(task('done', undefined, { big: 'x'.repeat(1000) }));
    await settle();
    await settle();
    expect(await driver.get('done')).toMatchObject({
      status: 'completed',
      request: { urlName: 'jobs__x', version: 1, payload: null, query: {}, user: null },
    });
  });

  it('forgets the oldest finished tasks first when the budget is reached', async () => {
    // Three failed tasks fit (each its inputs and its record), a fourth does not.
    driver = new EmbeddedQueueDriver(undefined, 2000 + 3 * RECORD_BYTES);
    await driver.startWorker(fails, 1);
    const payload = { blob: 'x'.repeat(500) };
    for (const id of ['f1', 'f2', 'f3']) {
      await driver.enqueue(task(id, undefined, payload));
      await settle();
      await settle();
    }
    expect((await driver.get('f1'))?.status).toBe('failed');
    await driver.enqueue(task('f4', undefined, payload));
    expect(await driver.get('f1')).toBeNull();
    expect((await driver.get('f2'))?.status).toBe('failed');
    expect((await driver.get('f2'))?.request.payload).toEqual(payload);
  });

  it('refuses a task that does not fit beside the unfinished ones (answered 503)', async () => {
    driver = new EmbeddedQueueDriver(undefined, 2000 + 2 * RECORD_BYTES);
    const payload = { blob: 'x'.repeat(800) };
    await driver.enqueue(task('q1', undefined, payload));
    await driver.enqueue(task('q2', undefined, payload));
    await expect(driver.enqueue(task('q3', 'k', payload))).rejects.toBeInstanceOf(
      BrokerUnavailableError,
    );
    expect(await driver.get('q3')).toBeNull();
    // The refused task took no deduplication key: an identical one fits once room is made.
    expect(await driver.cancel('q1')).toBe('cancelled');
    expect(await driver.enqueue(task('q4', 'k', payload))).toEqual({ id: 'q4', duplicate: false });
  });

  it('hands every read a copy of its own: changing one changes neither the task nor the next read', async () => {
    driver = new EmbeddedQueueDriver();
    await driver.enqueue(task('own', undefined, { items: [1, 2] }));
    const first = (await driver.get('own'))!;
    (first.request.payload as { items: number[] }).items.push(3);
    first.progress.percent = 50;
    expect((await driver.get('own'))!.request.payload).toEqual({ items: [1, 2] });
    expect((await driver.get('own'))!.progress.percent).toBe(0);
  });

  it('runs a retry of a failed task with the inputs it was queued with', async () => {
    driver = new EmbeddedQueueDriver();
    const seen: unknown[] = [];
    await driver.startWorker(async (t, run) => {
      seen.push(t.request.payload, t.request.query);
      return seen.length > 2 ? completes(t, run) : fails(t, run);
    }, 1);
    await driver.enqueue(task('again', undefined, { n: 7 }));
    await settle();
    await settle();
    expect(await driver.retry('again')).toBe(true);
    await settle();
    await settle();
    expect(seen).toEqual([{ n: 7 }, { q: '1' }, { n: 7 }, { q: '1' }]);
    expect(await driver.get('again')).toMatchObject({
      status: 'completed',
      response: { httpStatus: 200, body: { ok: 1 } },
      request: { payload: null },
    });
  });
});
