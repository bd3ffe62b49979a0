import type { HttpAdapterHost } from '@nestjs/core';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Logger } from '@nestjs/common';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import type { RateLimitStorePolicy } from '../interfaces/mindoff-module-options.interface';
import { resolveOptions } from '../options/resolve-options';
import { MemoryThrottlerStorage } from './memory-throttler.storage';
import { parseRate } from './rate';
import { rateLimitPolicy } from './rate-limit-policy';
import { RateLimiter } from './rate-limiter';

/** A memory store that can be switched off, as a Redis that goes away and comes back. */
class FlakyStorage implements ThrottlerStorage {
  down = false;
  calls = 0;
  private readonly memory = new MemoryThrottlerStorage(Date.now, { idleSweepMs: 0 });

  increment(...args: Parameters<ThrottlerStorage['increment']>) {
    this.calls += 1;
    if (this.down) return Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6390'));
    return this.memory.increment(...args);
  }
}

describe('RateLimiter when its store fails', () => {
  const rate = rateLimitPolicy('orders:request', parseRate('2/m'));
  let storage: FlakyStorage;
  let headers: Map<string, string>;
  let warn: jest.SpyInstance;

  const limiter = (onStoreError: RateLimitStorePolicy) => {
    const adapterHost = {
      httpAdapter: {
        setHeader: (_: unknown, name: string, value: string) => headers.set(name, value),
      },
    } as unknown as HttpAdapterHost;
    const { options } = resolveOptions({ rateLimit: { onStoreError } });
    return new RateLimiter(adapterHost, storage, options);
  };
  const codeOf = (answer: void | Promise<unknown>) =>
    Promise.resolve(answer).then(
      () => 'passed',
      (error: unknown) => (error instanceof MindoffHttpError ? error.code : String(error)),
    );

  beforeEach(() => {
    storage = new FlakyStorage();
    headers = new Map();
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it("refuses with RATE_LIMIT_UNAVAILABLE under 'fail-closed' (the default), never with the store's error", async () => {
    const limits = limiter('fail-closed');
    storage.down = true;
    expect(await codeOf(limits.consume('orders', rate, 'ip:1.2.3.4', {}))).toBe(
      'RATE_LIMIT_UNAVAILABLE',
    );
    expect(resolveOptions({}).options.rateLimit.onStoreError).toBe('fail-closed');
  });

  it("lets the request through uncounted and without RateLimit headers under 'fail-open'", async () => {
    const limits = limiter('fail-open');
    storage.down = true;
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(limits.consume('orders', rate, 'ip:1.2.3.4', {}))).toBe('passed');
    }
    expect(headers.size).toBe(0);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('applies the limits again as soon as the store answers', async () => {
    const limits = limiter('fail-open');
    storage.down = true;
    await limits.consume('orders', rate, 'ip:1.2.3.4', {});
    storage.down = false;
    const outcomes = [];
    for (let i = 0; i < 3; i++)
      outcomes.push(await codeOf(limits.consume('orders', rate, 'ip:1.2.3.4', {})));
    expect(outcomes).toEqual(['passed', 'passed', 'API_RATE_LIMITED']);
    expect(headers.get('RateLimit-Policy')).toBe('"orders:request";q=2;w=60');
  });

  it('leaves the store alone in checkStore() while it is healthy', async () => {
    const limits = limiter('fail-closed');
    await limits.checkStore();
    expect(storage.calls).toBe(0);
  });

  it("asks a failed store again in checkStore() under 'fail-closed': 503 while down, nothing once back", async () => {
    const limits = limiter('fail-closed');
    storage.down = true;
    await codeOf(limits.consume('orders', rate, 'ip:1.2.3.4', {}));
    expect(await codeOf(limits.checkStore())).toBe('RATE_LIMIT_UNAVAILABLE');
    storage.down = false;
    expect(await codeOf(limits.checkStore())).toBe('passed');
    const calls = storage.calls;
    await limits.checkStore();
    expect(storage.calls).toBe(calls);
  });

  it("does not ask a failed store again in checkStore() under 'fail-open'", async () => {
    const limits = limiter('fail-open');
    storage.down = true;
    await limits.consume('orders', rate, 'ip:1.2.3.4', {});
    expect(await codeOf(limits.checkStore())).toBe('passed');
    expect(storage.calls).toBe(1);
  });

  it('counts on the in-memory store at once, without a promise, with the same headers and 429', () => {
    const memory = new RateLimiter(
      {
        httpAdapter: {
          setHeader: (_: unknown, name: string, value: string) => headers.set(name, value),
        },
      } as unknown as HttpAdapterHost,
      new MemoryThrottlerStorage(),
      resolveOptions({}).options,
    );
    expect(memory.consume('orders', rate, 'ip:1.2.3.4', {})).toBeUndefined();
    expect(headers.get('RateLimit')).toMatch(/^"orders:request";r=1;t=(59|60)$/);
    countNow(memory, 'orders', rate, 'ip:1.2.3.4', {});
    expect(() => memory.consume('orders', rate, 'ip:1.2.3.4', {})).toThrow(
      expect.objectContaining({ code: 'API_RATE_LIMITED' }),
    );
  });
});

describe('RateLimiter fields', () => {
  const rate = rateLimitPolicy('orders__create_order:request', parseRate('2/m'));
  const answer = (headers: 'draft-8' | 'draft-6' | false) => {
    const set = new Map<string, string>();
    const limiter = new RateLimiter(
      {
        httpAdapter: {
          setHeader: (_: unknown, name: string, value: string) => set.set(name, value),
        },
      } as unknown as HttpAdapterHost,
      new MemoryThrottlerStorage(),
      resolveOptions({ rateLimit: { headers } }).options,
    );
    countNow(limiter, 'orders', rate, 'ip:1.2.3.4', {});
    const passed = new Map(set);
    countNow(limiter, 'orders', rate, 'ip:1.2.3.4', {});
    let refusal: MindoffHttpError | undefined;
    try {
      countNow(limiter, 'orders', rate, 'ip:1.2.3.4', {});
    } catch (error) {
      refusal = error as MindoffHttpError;
    }
    return { passed, refused: refusal!.headers };
  };

  it("sends draft -08's RateLimit-Policy and RateLimit by default, and the same on the 429 with Retry-After", () => {
    const { passed, refused } = answer('draft-8');
    expect([...passed.keys()]).toEqual(['RateLimit-Policy', 'RateLimit']);
    expect(passed.get('RateLimit-Policy')).toBe('"orders__create_order:request";q=2;w=60');
    expect(passed.get('RateLimit')).toMatch(/^"orders__create_order:request";r=1;t=\d+$/);
    expect(refused).toMatchObject({
      'RateLimit-Policy': '"orders__create_order:request";q=2;w=60',
      RateLimit: expect.stringMatching(/^"orders__create_order:request";r=0;t=\d+$/),
      'Retry-After': expect.stringMatching(/^\d+$/),
    });
    expect(resolveOptions({}).options.rateLimit.headers).toBe('draft-8');
  });

  it("sends draft -06's three fields under 'draft-6'", () => {
    const { passed, refused } = answer('draft-6');
    expect(Object.fromEntries(passed)).toEqual({
      'RateLimit-Limit': '2',
      'RateLimit-Remaining': '1',
      'RateLimit-Reset': expect.stringMatching(/^\d+$/),
    });
    expect(Object.keys(refused!)).toEqual([
      'Retry-After',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
    ]);
  });

  it('sends no rate-limit field under false, and still Retry-After on the 429', () => {
    const { passed, refused } = answer(false);
    expect(passed.size).toBe(0);
    expect(Object.keys(refused!)).toEqual(['Retry-After']);
  });
});

/** Counts on the in-memory store, which answers at once: no promise to wait for. */
function countNow(limiter: RateLimiter, ...args: Parameters<RateLimiter['consume']>): void {
  expect(limiter.consume(...args)).toBeUndefined();
}
