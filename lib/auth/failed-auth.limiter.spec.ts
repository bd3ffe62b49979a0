import { Logger } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { IncomingMessage } from 'node:http';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import type { MindoffModuleOptions } from '../interfaces/mindoff-module-options.interface';
import { resolveOptions } from '../options/resolve-options';
import { MemoryThrottlerStorage } from '../throttling/memory-throttler.storage';
import { RateLimiter } from '../throttling/rate-limiter';
import { FailedAuthLimiter } from './failed-auth.limiter';

const from = (remoteAddress: string) =>
  ({ socket: { remoteAddress }, headers: {} }) as unknown as IncomingMessage;

/** What a call ends with: 'passed', or the code of the mindoff error it threw. */
const outcome = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'passed',
    (error: unknown) => (error instanceof MindoffHttpError ? error.code : String(error)),
  );

describe('FailedAuthLimiter', () => {
  let time: number;
  const clock = () => time;
  let memory: MemoryThrottlerStorage;
  let down: boolean;
  const storage: ThrottlerStorage = {
    increment: (...args) =>
      down ? Promise.reject(new Error('connect ECONNREFUSED')) : memory.increment(...args),
  };

  /** One app process: its own limiter and memory of blocks, on the shared store. */
  const instance = (rateLimit: MindoffModuleOptions['rateLimit'] = { failedAuth: '3/m' }) => {
    const { options } = resolveOptions({ rateLimit });
    const adapterHost = {
      httpAdapter: { setHeader: () => undefined },
    } as unknown as HttpAdapterHost;
    const limiter = new RateLimiter(adapterHost, storage, options);
    return new FailedAuthLimiter(limiter, options.rateLimit.failedAuth, clock);
  };

  beforeEach(() => {
    time = 1_700_000_000_000;
    down = false;
    memory = new MemoryThrottlerStorage(clock, { idleSweepMs: 0 });
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('lets an address fail `limit` times, then refuses it before its credentials are checked', async () => {
    const failures = instance();
    const guesser = from('203.0.113.7');
    for (let i = 0; i < 3; i++) {
      expect(await outcome(failures.admit(guesser))).toBe('passed');
      expect(await outcome(failures.failed(guesser))).toBe('passed');
    }
    let refusal: MindoffHttpError | undefined;
    await failures.admit(guesser).catch((error: MindoffHttpError) => (refusal = error));
    expect(refusal).toMatchObject({
      code: 'API_RATE_LIMITED',
      data: { limit: '3/m', retry_after_seconds: 60 },
      headers: { 'Retry-After': '60' },
    });
    expect(await outcome(failures.admit(from('198.51.100.20')))).toBe('passed');
  });

  it('lets the address in again once the block has run for one window', async () => {
    const failures = instance();
    const guesser = from('203.0.113.7');
    for (let i = 0; i < 3; i++) await failures.failed(guesser);
    time += 59_000;
    expect(await outcome(failures.admit(guesser))).toBe('API_RATE_LIMITED');
    time += 1_000;
    expect(await outcome(failures.admit(guesser))).toBe('passed');
    expect(await outcome(failures.failed(guesser))).toBe('passed');
  });

  it('answers 429 to a failure the shared store already counts over the limit, and blocks from then on', async () => {
    const first = instance();
    const second = instance();
    const guesser = from('203.0.113.7');
    for (let i = 0; i < 3; i++) await first.failed(guesser);
    // The second process has seen no failure yet, so it checks this one attempt...
    expect(await outcome(second.admit(guesser))).toBe('passed');
    // ...and learns of the block from the store when it fails.
    expect(await outcome(second.failed(guesser))).toBe('API_RATE_LIMITED');
    expect(await outcome(second.admit(guesser))).toBe('API_RATE_LIMITED');
  });

  it('counts nothing and refuses nothing with failedAuth null', async () => {
    const failures = instance({ failedAuth: null });
    const increment = jest.spyOn(memory, 'increment');
    for (let i = 0; i < 20; i++) await failures.failed(from('203.0.113.7'));
    expect(await outcome(failures.admit(from('203.0.113.7')))).toBe('passed');
    expect(increment).not.toHaveBeenCalled();
  });

  it("refuses every address 503 while the store is down under 'fail-closed', and counts again once it is back", async () => {
    const failures = instance({ failedAuth: '3/m' });
    const client = from('203.0.113.7');
    down = true;
    expect(await outcome(failures.failed(client))).toBe('RATE_LIMIT_UNAVAILABLE');
    expect(await outcome(failures.admit(from('198.51.100.20')))).toBe('RATE_LIMIT_UNAVAILABLE');
    down = false;
    expect(await outcome(failures.admit(client))).toBe('passed');
    for (let i = 0; i < 3; i++) await failures.failed(client);
    expect(await outcome(failures.admit(client))).toBe('API_RATE_LIMITED');
  });

  it("keeps the caller's 401 when a failure cannot be counted under 'fail-open'", async () => {
    const failures = instance({ failedAuth: '3/m', onStoreError: 'fail-open' });
    down = true;
    for (let i = 0; i < 5; i++) {
      expect(await outcome(failures.admit(from('203.0.113.7')))).toBe('passed');
      expect(await outcome(failures.failed(from('203.0.113.7')))).toBe('passed');
    }
  });

  it('remembers only the blocks still running', async () => {
    const failures = instance({ failedAuth: '1/m' });
    for (let i = 0; i < 100; i++) await failures.failed(from(`10.0.0.${i}`));
    expect(failures.blockedCount).toBe(100);
    time += 60_000;
    for (let i = 0; i < 30; i++) await failures.failed(from(`10.0.1.${i}`));
    expect(failures.blockedCount).toBeLessThanOrEqual(30);
  });
});
