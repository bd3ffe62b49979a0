import {
  MemoryThrottlerStorage,
  type MemoryThrottlerStorageOptions,
} from './memory-throttler.storage';

describe('MemoryThrottlerStorage', () => {
  let time: number;
  let storage: MemoryThrottlerStorage;
  const clock = (): number => time;
  const make = (options: MemoryThrottlerStorageOptions = {}): MemoryThrottlerStorage => {
    storage.onModuleDestroy();
    storage = new MemoryThrottlerStorage(clock, options);
    return storage;
  };

  beforeEach(() => {
    time = 1_700_000_000_000;
    storage = new MemoryThrottlerStorage(clock);
  });

  afterEach(() => {
    storage.onModuleDestroy();
    jest.useRealTimers();
  });

  it('lets N requests pass in a window and blocks the next one', async () => {
    for (let hit = 1; hit <= 3; hit++) {
      expect(await storage.increment('k', 60_000, 3, 0, 'default')).toEqual({
        totalHits: hit,
        timeToExpire: 60,
        isBlocked: false,
        timeToBlockExpire: 0,
      });
    }
    expect(await storage.increment('k', 60_000, 3, 0, 'default')).toEqual({
      totalHits: 4,
      timeToExpire: 60,
      isBlocked: true,
      timeToBlockExpire: 60,
    });
  });

  it('counts rejected requests too and keeps blocking until the window ends', async () => {
    for (let i = 0; i < 5; i++) await storage.increment('k', 60_000, 2, 0, 'default');
    time += 59_999;
    expect(await storage.increment('k', 60_000, 2, 0, 'default')).toEqual({
      totalHits: 6,
      timeToExpire: 1,
      isBlocked: true,
      timeToBlockExpire: 1,
    });
  });

  it('starts a new window once the ttl has passed', async () => {
    for (let i = 0; i < 4; i++) await storage.increment('k', 60_000, 3, 0, 'default');
    time += 60_000;
    expect(await storage.increment('k', 60_000, 3, 0, 'default')).toEqual({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });

  it('keeps the window fixed from its first hit instead of sliding it', async () => {
    await storage.increment('k', 10_000, 5, 0, 'default');
    time += 7_500;
    const record = await storage.increment('k', 10_000, 5, 0, 'default');
    expect(record.totalHits).toBe(2);
    expect(record.timeToExpire).toBe(3);
  });

  it('keeps separate counters per key and per throttler name', async () => {
    await storage.increment('a', 60_000, 1, 0, 'default');
    expect((await storage.increment('a', 60_000, 1, 0, 'default')).isBlocked).toBe(true);
    expect(await storage.increment('b', 60_000, 1, 0, 'default')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
    expect(await storage.increment('a', 60_000, 1, 0, 'other')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
    expect(storage.size).toBe(3);
  });

  it('keeps blocking for blockDuration after the first rejection, even into the next window', async () => {
    await storage.increment('k', 1_000, 2, 5_000, 'default');
    await storage.increment('k', 1_000, 2, 5_000, 'default');
    expect(await storage.increment('k', 1_000, 2, 5_000, 'default')).toEqual({
      totalHits: 3,
      timeToExpire: 1,
      isBlocked: true,
      timeToBlockExpire: 5,
    });
    time += 1_000;
    expect(await storage.increment('k', 1_000, 2, 5_000, 'default')).toEqual({
      totalHits: 1,
      timeToExpire: 1,
      isBlocked: true,
      timeToBlockExpire: 4,
    });
    time += 4_000;
    expect(await storage.increment('k', 1_000, 2, 5_000, 'default')).toEqual({
      totalHits: 1,
      timeToExpire: 1,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });

  it('does not extend a running block with further rejections', async () => {
    for (let i = 0; i < 2; i++) await storage.increment('k', 1_000, 1, 3_000, 'default');
    time += 1_000;
    await storage.increment('k', 1_000, 1, 3_000, 'default');
    const record = await storage.increment('k', 1_000, 1, 3_000, 'default');
    expect(record.totalHits).toBe(2);
    expect(record.timeToBlockExpire).toBe(2);
  });

  it('blocks until the window ends when blockDuration is shorter than the window', async () => {
    for (let i = 0; i < 2; i++) await storage.increment('k', 10_000, 1, 2_000, 'default');
    time += 3_000;
    expect(await storage.increment('k', 10_000, 1, 2_000, 'default')).toMatchObject({
      totalHits: 3,
      isBlocked: true,
      timeToBlockExpire: 7,
    });
  });

  it('sweeps expired counters as requests arrive, so memory stays bounded', async () => {
    for (let i = 0; i < 10_000; i++) await storage.increment(`ip-${i}`, 1_000, 10, 0, 'default');
    expect(storage.size).toBe(10_000);
    time += 1_000;
    for (let i = 0; i < 10_000; i++) await storage.increment('busy', 1_000, 10, 0, 'default');
    expect(storage.size).toBe(1);
  });

  it('sweeps expired counters of every throttler name, and counts again under a swept name', async () => {
    make({ sweepEvery: 1, sweepBatch: 10 });
    for (const name of ['a', 'b', 'c']) {
      for (let i = 0; i < 3; i++) await storage.increment(`ip-${i}`, 1_000, 10, 0, name);
    }
    expect(storage.size).toBe(9);
    time += 1_000;
    await storage.increment('live', 1_000, 10, 0, 'd');
    await storage.increment('live', 1_000, 10, 0, 'd');
    expect(storage.size).toBe(1);
    expect(await storage.increment('ip-0', 1_000, 10, 0, 'a')).toMatchObject({ totalHits: 1 });
    expect(await storage.increment('live', 1_000, 10, 0, 'd')).toMatchObject({ totalHits: 3 });
    expect(storage.size).toBe(2);
  });

  it('does not sweep counters whose block is still running', async () => {
    make({ sweepEvery: 1, sweepBatch: 10 });
    await storage.increment('blocked', 1_000, 0, 60_000, 'default');
    time += 30_000;
    await storage.increment('other', 1_000, 10, 0, 'default');
    expect(storage.size).toBe(2);
    time += 30_000;
    await storage.increment('other', 1_000, 10, 0, 'default');
    expect(storage.size).toBe(1);
  });

  it('sweeps on an idle interval and stops it on module destroy', async () => {
    jest.useFakeTimers();
    make({ idleSweepMs: 5_000 });
    for (let i = 0; i < 100; i++) await storage.increment(`ip-${i}`, 1_000, 10, 0, 'default');
    expect(jest.getTimerCount()).toBe(1);
    time += 1_000;
    jest.advanceTimersByTime(5_000);
    expect(storage.size).toBe(0);
    storage.onModuleDestroy();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('starts no timer when the idle sweep is disabled', async () => {
    jest.useFakeTimers();
    make({ idleSweepMs: 0 });
    await storage.increment('k', 1_000, 10, 0, 'default');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('holds one entry for a key however many hits it takes', async () => {
    let last = 0;
    for (let i = 0; i < 100_000; i++) {
      last = (await storage.increment('k', 60_000, 10, 0, 'default')).totalHits;
    }
    expect(last).toBe(100_000);
    expect(storage.size).toBe(1);
  });

  it('looks at a constant number of entries per request, not at the whole map', async () => {
    const keys = 20_000;
    for (let i = 0; i < keys; i++) await storage.increment(`ip-${i}`, 60_000, 10, 0, 'default');
    const before = storage.sweepVisits;
    const requests = 50_000;
    for (let i = 0; i < requests; i++) {
      await storage.increment(`ip-${i % keys}`, 60_000, 10, 0, 'default');
    }
    // defaults: 32 entries every 16 increments = 2 per request, independent of the map's size
    expect(storage.sweepVisits - before).toBeLessThanOrEqual(2 * requests);
    expect(storage.size).toBe(keys);
  });
});
