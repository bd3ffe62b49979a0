import type { LoggerService } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { randomUUID } from 'node:crypto';
import { RateLimitLabModule } from '../fixtures/rate-limit.module';
import { ADAPTERS, call, startApp, type Answer, type RunningApp } from '../support/http-app';
import { startPrivateRedis, type PrivateRedis } from '../support/redis-server';
import { rateLimitOf } from 'mindoff/client';

type Policy = 'fail-closed' | 'fail-open';

/** Every line the app logs at warn or error. */
class CapturingLogger implements LoggerService {
  readonly lines: { level: 'warn' | 'error'; text: string }[] = [];
  log = () => undefined;
  debug = () => undefined;
  verbose = () => undefined;
  warn = (message: unknown) => this.lines.push({ level: 'warn', text: String(message) });
  error = (message: unknown) => this.lines.push({ level: 'error', text: String(message) });
  fatal = (message: unknown) => this.lines.push({ level: 'error', text: String(message) });

  count(level: 'warn' | 'error', text: string): number {
    return this.lines.filter((line) => line.level === level && line.text.includes(text)).length;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const codeOf = (answer: Answer): string => answer.body?.message?.code;

async function timed(request: () => Promise<Answer>): Promise<{ answer: Answer; ms: number }> {
  const started = performance.now();
  const answer = await request();
  return { answer, ms: Math.round(performance.now() - started) };
}

describe('rate limits when their Redis goes away', () => {
  let redis: PrivateRedis;
  const unhandled: unknown[] = [];
  const record = (error: unknown) => unhandled.push(error);
  let consoleError: jest.SpyInstance;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    process.on('unhandledRejection', record);
    consoleError = jest.spyOn(console, 'error');
  });
  afterAll(async () => {
    await redis.kill();
    process.off('unhandledRejection', record);
    consoleError.mockRestore();
  });

  /** ioredis prints this when an `error` event has no listener. */
  const unhandledErrorEvents = () =>
    consoleError.mock.calls.filter((args) => String(args[0]).includes('Unhandled error event'));

  describe.each(
    ADAPTERS.flatMap((adapter) =>
      (['fail-closed', 'fail-open'] as Policy[]).map((policy) => ({ adapter, policy })),
    ),
  )('on $adapter with onStoreError $policy', ({ adapter, policy }) => {
    const logger = new CapturingLogger();
    let app: RunningApp;
    const counted = () => call(app.url, 'GET', '/v1/rl/counted/');
    const bearer = (token: string) =>
      call(app.url, 'GET', '/v1/rl/whoami/', { headers: { authorization: `Bearer ${token}` } });

    beforeAll(async () => {
      const rateLimit = {
        redis: redis.url,
        prefix: `mindoff-test:outage:${randomUUID()}:`,
        onStoreError: policy,
      };
      app = await startApp(RateLimitLabModule.with({ rateLimit }), adapter, {
        options: { logger },
      });
    });
    afterAll(() => app.close());

    it('holds the limits while Redis is up', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await counted()).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    });

    it('answers at once while Redis is down, as the policy says, never a 500 nor an unhandled error event', async () => {
      await redis.kill();
      const { answer, ms } = await timed(counted);
      const list = await timed(() => call(app.url, 'GET', '/mindoff/queue/list/'));
      const wrongToken = await bearer('guess');
      // An explicit window of 700 ms, in which the client's reconnections (100 ms apart, then
      // more) keep failing; none of them may be logged again.
      await sleep(700);
      const again = await timed(counted);
      console.log(
        `${adapter}, ${policy}: Redis down → API answered in ${ms} ms (then ${again.ms} ms), task list endpoint in ${list.ms} ms`,
      );

      if (policy === 'fail-closed') {
        for (const refused of [answer, again.answer, list.answer, wrongToken]) {
          expect(refused.status).toBe(503);
          expect(refused.body.status).toBe('exception');
          expect(codeOf(refused)).toBe('RATE_LIMIT_UNAVAILABLE');
        }
      } else {
        for (const passed of [answer, again.answer]) {
          expect(passed.status).toBe(200);
          expect(codeOf(passed)).toBe('SUCCESS');
          expect(rateLimitOf(passed.headers)).toBeNull();
        }
        expect(list.answer.status).toBe(200);
        expect(wrongToken.status).toBe(401);
        expect(codeOf(wrongToken)).toBe('AUTHENTICATION_FAILED');
      }
      expect(logger.count('error', 'Redis for rate limits is unreachable')).toBe(1);
      expect(logger.count('warn', 'The rate-limit store cannot be reached')).toBe(1);
      expect(unhandledErrorEvents()).toEqual([]);
      expect(unhandled).toEqual([]);
    });

    if (policy === 'fail-closed') {
      it('refuses even a valid token while Redis is down, since failures could not be counted', async () => {
        const valid = await bearer('let-me-in');
        expect(valid.status).toBe(503);
        expect(codeOf(valid)).toBe('RATE_LIMIT_UNAVAILABLE');
      });
    }

    it('counts again once Redis is back on the same port, without restarting the app', async () => {
      await redis.restart();
      const back = performance.now();
      let first: Answer;
      do {
        first = await counted();
        if (rateLimitOf(first.headers) !== null) break;
        expect(first.status).not.toBe(500);
        await sleep(25);
      } while (performance.now() - back < 15_000);
      const recoveryMs = Math.round(performance.now() - back);
      console.log(`${adapter}, ${policy}: limits back ${recoveryMs} ms after Redis answered again`);

      expect(first.status).toBe(200);
      expect(rateLimitOf(first.headers)?.remaining).toBe(2);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await counted()).status);
      expect(statuses).toEqual([200, 200, 429]);
      expect((await bearer('let-me-in')).status).toBe(200);
      expect(logger.count('warn', 'The rate-limit store cannot be reached')).toBe(1);
      expect(unhandledErrorEvents()).toEqual([]);
    });
  });
});

describe.each(ADAPTERS)("an app's own rate-limit storage that fails, on %s", (adapter) => {
  const hangs: ThrottlerStorage = { increment: () => new Promise(() => undefined) };
  const throws: ThrottlerStorage = {
    increment: () => Promise.reject(new Error('store crashed')),
  };

  it.each([
    { what: 'hangs', storage: hangs, onStoreError: 'fail-closed', status: 503 },
    { what: 'throws', storage: throws, onStoreError: 'fail-closed', status: 503 },
    { what: 'hangs', storage: hangs, onStoreError: 'fail-open', status: 200 },
  ] as const)(
    'gets the same policy when it $what ($onStoreError → $status)',
    async ({ what, storage, onStoreError, status }) => {
      const app = await startApp(
        RateLimitLabModule.with({ rateLimit: { storage, onStoreError, commandTimeoutMs: 200 } }),
        adapter,
      );
      try {
        const { answer, ms } = await timed(() => call(app.url, 'GET', '/v1/rl/counted/'));
        console.log(`${adapter}: a storage that ${what} (${onStoreError}) answered in ${ms} ms`);
        expect(answer.status).toBe(status);
        expect(codeOf(answer)).toBe(status === 503 ? 'RATE_LIMIT_UNAVAILABLE' : 'SUCCESS');
      } finally {
        await app.close();
      }
    },
  );
});
