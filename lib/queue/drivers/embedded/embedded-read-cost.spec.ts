import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EmbeddedQueueDriver } from './embedded.driver';
import type { NewTask } from '../../task.types';
import { listItem, streamState, taskView } from '../../endpoints/task-view';
import { BrokerUnavailableError } from '../../../errors/broker-unavailable.error';

// The collector, reachable without starting Node with --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A payload of `megabytes` of JSON made of many small objects (parsed, several times its JSON). */
function payloadOf(megabytes: number, seed: string): unknown {
  const one = JSON.stringify({ id: 100000, name: `${seed}-item`, tags: ['a', 'b'] }).length + 1;
  const count = Math.floor((megabytes * 1024 * 1024) / one);
  return Array.from({ length: count }, (_, i) => ({
    id: i,
    name: `${seed}-item`,
    tags: ['a', 'b'],
  }));
}

const task = (id: string, payload: unknown): NewTask => ({
  id,
  ownerId: 'user:1',
  request: {
    urlName: 'jobs__x',
    version: 1,
    payload,
    query: {},
    params: {},
    user: { id: 1 },
    requestId: `req-${id}`,
  },
});

/** What 50 detail, list and heartbeat reads of one task cost: the best of several rounds. */
async function costOfReads(driver: EmbeddedQueueDriver, id: string): Promise<number> {
  let best = Infinity;
  for (let round = 0; round < 15; round++) {
    const start = performance.now();
    for (let i = 0; i < 50; i++) {
      JSON.stringify(taskView((await driver.get(id))!));
      JSON.stringify(streamState((await driver.get(id))!));
      const page = await driver.list({ ownerId: 'user:1', id, page: 1, pageSize: 50 });
      JSON.stringify(page.tasks.map(listItem));
    }
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** The heap and the buffers outside it, after a full collection. */
function heldBytes(): number {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

describe('EmbeddedQueueDriver: what reads cost and what tasks hold', () => {
  let driver: EmbeddedQueueDriver;
  afterEach(() => driver.close());

  it('reads a 9 MB task (detail, list, heartbeat) at most 5 times the cost of reading a small one', async () => {
    driver = new EmbeddedQueueDriver(undefined, 64 * 1024 * 1024);
    await driver.enqueue(task('big', payloadOf(9, 'big')));
    await driver.enqueue(task('small', { n: 1 }));
    const small = await costOfReads(driver, 'small');
    const big = await costOfReads(driver, 'big');
    expect(big / small).toBeLessThan(5);
  });

  it('holds at most 1.5 times embeddedMaxMegabytes once full, queued and failed tasks alike', async () => {
    const limit = 16 * 1024 * 1024;
    const before = heldBytes();
    driver = new EmbeddedQueueDriver(undefined, limit);
    let queued = 0;
    // Queued tasks (no worker) until the budget refuses one.
    for (;;) {
      try {
        await driver.enqueue(task(`q${queued}`, payloadOf(1, `q${queued}`)));
        queued++;
      } catch (error) {
        expect(error).toBeInstanceOf(BrokerUnavailableError);
        break;
      }
    }
    expect(queued).toBeGreaterThanOrEqual(10);
    const held = heldBytes() - before;
    expect(held).toBeLessThan(1.5 * limit);
  });

  it('keeps failed tasks inputs inside the same budget, forgetting the oldest first', async () => {
    const limit = 16 * 1024 * 1024;
    const before = heldBytes();
    driver = new EmbeddedQueueDriver(undefined, limit);
    await driver.startWorker(
      async () => ({
        kind: 'failed',
        httpStatus: 400,
        error: { code: 'VALIDATION_ERR', message: 'no' },
      }),
      1,
    );
    for (let i = 0; i < 40; i++) {
      await driver.enqueue(task(`f${i}`, payloadOf(1, `f${i}`)));
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await driver.get('f0')).toBeNull();
    expect((await driver.get('f39'))?.status).toBe('failed');
    const held = heldBytes() - before;
    expect(held).toBeLessThan(1.5 * limit);
  });
});
