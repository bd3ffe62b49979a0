import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  DEFAULT_REDIS_THROTTLER_PREFIX,
  RedisThrottlerStorage,
  createRedisThrottlerStorage,
} from './redis-throttler.storage';
import { waitUntil } from '../../test/support/wait-until';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `mindoff:test:rl:${process.pid}:${randomUUID()}:`;

describe('RedisThrottlerStorage', () => {
  let redis: Redis;
  let storage: RedisThrottlerStorage;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    storage = new RedisThrottlerStorage(redis, { prefix: PREFIX });
  });

  afterAll(async () => {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('lets N requests pass in a window and blocks the next one', async () => {
    for (let hit = 1; hit <= 3; hit++) {
      expect(await storage.increment('basic', 60_000, 3, 0, 'default')).toEqual({
        totalHits: hit,
        timeToExpire: 60,
        isBlocked: false,
        timeToBlockExpire: 0,
      });
    }
    expect(await storage.increment('basic', 60_000, 3, 0, 'default')).toEqual({
      totalHits: 4,
      timeToExpire: 60,
      isBlocked: true,
      timeToBlockExpire: 60,
    });
  });

  it('writes one counter key that expires with the window and no block key', async () => {
    await storage.increment('layout', 60_000, 3, 0, 'default');
    const key = storage.counterKey('layout', 'default');
    expect(key).toBe(`${PREFIX}default:{layout}`);
    expect(await redis.get(key)).toBe('1');
    const pttl = await redis.pttl(key);
    expect(pttl).toBeGreaterThan(59_000);
    expect(pttl).toBeLessThanOrEqual(60_000);
    expect(await redis.exists(`${key}:block`)).toBe(0);
  });

  it('starts a new window once the ttl has passed', async () => {
    for (let i = 0; i < 3; i++) await storage.increment('rollover', 1_000, 2, 0, 'default');
    expect(await storage.increment('rollover', 1_000, 2, 0, 'default')).toMatchObject({
      totalHits: 4,
      timeToExpire: 1,
      isBlocked: true,
      timeToBlockExpire: 1,
    });
    // The window ends when Redis expires its counter.
    const counter = storage.counterKey('rollover', 'default');
    await waitUntil(async () => (await redis.exists(counter)) === 0);
    expect(await storage.increment('rollover', 1_000, 2, 0, 'default')).toEqual({
      totalHits: 1,
      timeToExpire: 1,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });

  it('keeps separate counters per key and per throttler name', async () => {
    await storage.increment('sep-a', 60_000, 1, 0, 'default');
    expect((await storage.increment('sep-a', 60_000, 1, 0, 'default')).isBlocked).toBe(true);
    expect(await storage.increment('sep-b', 60_000, 1, 0, 'default')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
    expect(await storage.increment('sep-a', 60_000, 1, 0, 'other')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('counts 200 parallel requests on one key atomically, each hit exactly once', async () => {
    const records = await Promise.all(
      Array.from({ length: 200 }, () => storage.increment('parallel', 60_000, 150, 0, 'default')),
    );
    const hits = records.map((record) => record.totalHits).sort((a, b) => a - b);
    expect(hits).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(records.filter((record) => record.isBlocked)).toHaveLength(50);
    expect(await redis.get(storage.counterKey('parallel', 'default'))).toBe('200');
  });

  it('keeps blocking for blockDuration after the first rejection, even into the next window', async () => {
    await storage.increment('block', 500, 1, 3_000, 'default');
    expect(await storage.increment('block', 500, 1, 3_000, 'default')).toEqual({
      totalHits: 2,
      timeToExpire: 1,
      isBlocked: true,
      timeToBlockExpire: 3,
    });
    const blockKey = `${storage.counterKey('block', 'default')}:block`;
    expect(await redis.pttl(blockKey)).toBeGreaterThan(2_000);
    // The window (500 ms) ends; the block (3 s) goes on.
    const counter = storage.counterKey('block', 'default');
    await waitUntil(async () => (await redis.exists(counter)) === 0);
    const record = await storage.increment('block', 500, 1, 3_000, 'default');
    expect(record).toMatchObject({ totalHits: 1, isBlocked: true });
    expect(record.timeToBlockExpire).toBeGreaterThanOrEqual(2);
    expect(record.timeToBlockExpire).toBeLessThanOrEqual(3);
  });

  it('does not extend a running block with further rejections', async () => {
    for (let i = 0; i < 2; i++) await storage.increment('no-extend', 60_000, 1, 5_000, 'default');
    const blockKey = `${storage.counterKey('no-extend', 'default')}:block`;
    await redis.pexpire(blockKey, 1_500);
    for (let i = 0; i < 3; i++) await storage.increment('no-extend', 60_000, 1, 5_000, 'default');
    expect(await redis.pttl(blockKey)).toBeLessThanOrEqual(1_500);
  });

  it('lets requests through again once a block and its window have ended', async () => {
    for (let i = 0; i < 2; i++) await storage.increment('unblock', 300, 1, 600, 'default');
    const counter = storage.counterKey('unblock', 'default');
    await waitUntil(
      async () => (await redis.exists(counter)) + (await redis.exists(`${counter}:block`)) === 0,
    );
    expect(await storage.increment('unblock', 300, 1, 600, 'default')).toEqual({
      totalHits: 1,
      timeToExpire: 1,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });

  it('gives a counter left without expiry a window again', async () => {
    const key = storage.counterKey('stale', 'default');
    await redis.set(key, '5');
    const record = await storage.increment('stale', 60_000, 10, 0, 'default');
    expect(record).toMatchObject({ totalHits: 6, timeToExpire: 60, isBlocked: false });
    expect(await redis.pttl(key)).toBeGreaterThan(59_000);
  });

  it('gives a block key left without expiry its duration again', async () => {
    const key = storage.counterKey('stale-block', 'default');
    await redis.set(`${key}:block`, '1');
    const record = await storage.increment('stale-block', 60_000, 10, 4_000, 'default');
    expect(record).toMatchObject({ totalHits: 1, isBlocked: true, timeToBlockExpire: 4 });
    expect(await redis.pttl(`${key}:block`)).toBeGreaterThan(3_000);
  });

  it("uses 'mindoff:rl:' as the default prefix", () => {
    expect(DEFAULT_REDIS_THROTTLER_PREFIX).toBe('mindoff:rl:');
    expect(new RedisThrottlerStorage(redis).counterKey('k', 'default')).toBe(
      'mindoff:rl:default:{k}',
    );
  });

  it('puts one ":" after a prefix given without it, as queue.prefix does', () => {
    expect(new RedisThrottlerStorage(redis, { prefix: 'my-rl' }).counterKey('k', 'jobs')).toBe(
      'my-rl:jobs:{k}',
    );
    expect(new RedisThrottlerStorage(redis, { prefix: 'my-rl:' }).counterKey('k', 'jobs')).toBe(
      'my-rl:jobs:{k}',
    );
  });

  it('leaves the connection of a borrowed client to its owner', async () => {
    new RedisThrottlerStorage(redis, { prefix: PREFIX });
    expect(redis.status).toBe('ready');
    expect(await redis.ping()).toBe('PONG');
  });
});

describe('createRedisThrottlerStorage', () => {
  it('opens its own client under the given prefix and closes it', async () => {
    const prefix = `mindoff:test:rl:${process.pid}:${randomUUID()}:`;
    const { storage, ready, close } = createRedisThrottlerStorage(REDIS_URL, { prefix });
    const inspector = new Redis(REDIS_URL);
    try {
      await ready();
      expect(await storage.increment('k', 60_000, 5, 0, 'default')).toMatchObject({
        totalHits: 1,
        isBlocked: false,
      });
      expect(await inspector.get(`${prefix}default:{k}`)).toBe('1');
    } finally {
      await close();
      await inspector.del(`${prefix}default:{k}`);
      await inspector.quit();
    }
    await expect(storage.increment('k', 60_000, 5, 0, 'default')).rejects.toThrow();
  });
});
