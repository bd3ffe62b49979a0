import type { ThrottlerStorage } from '@nestjs/throttler';
import { DeadlineThrottlerStorage } from './deadline-throttler.storage';
import { MemoryThrottlerStorage } from './memory-throttler.storage';

const never: ThrottlerStorage = { increment: () => new Promise(() => undefined) };

describe('DeadlineThrottlerStorage', () => {
  afterEach(() => jest.useRealTimers());

  it('rejects a call the wrapped storage has not answered within the deadline', async () => {
    jest.useFakeTimers();
    const call = new DeadlineThrottlerStorage(never, 1500).increment('k', 60_000, 3, 0, 'default');
    const outcome = expect(call).rejects.toThrow(
      'the rate-limit store did not answer within 1500 ms (rateLimit.commandTimeoutMs)',
    );
    jest.advanceTimersByTime(1500);
    await outcome;
  });

  it("passes the wrapped storage's answers and errors through, and leaves no timer behind", async () => {
    jest.useFakeTimers();
    const memory = new MemoryThrottlerStorage(Date.now, { idleSweepMs: 0 });
    const storage = new DeadlineThrottlerStorage(memory, 1000);
    expect(await storage.increment('k', 60_000, 3, 0, 'default')).toMatchObject({ totalHits: 1 });
    const failing = new DeadlineThrottlerStorage(
      { increment: () => Promise.reject(new Error('store crashed')) },
      1000,
    );
    await expect(failing.increment('k', 60_000, 3, 0, 'default')).rejects.toThrow('store crashed');
    expect(jest.getTimerCount()).toBe(0);
  });

  it("passes Nest's lifecycle hooks on to the wrapped storage", async () => {
    const shutdown = jest.fn();
    const storage = new DeadlineThrottlerStorage(
      { ...never, onApplicationShutdown: shutdown } as ThrottlerStorage,
      1000,
    );
    await storage.onApplicationShutdown('SIGTERM');
    expect(shutdown).toHaveBeenCalledWith('SIGTERM');
    expect(storage.onModuleDestroy()).toBeUndefined();
  });
});
