import type { ModuleRef } from '@nestjs/core';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MemoryThrottlerStorage } from '../throttling/memory-throttler.storage';
import { MindoffHealthIndicator } from './mindoff-health.indicator';

const notFound = (name: string) =>
  Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });

/** A ModuleRef that knows no queue driver (an app without a queue-mode API). */
const noQueue = {
  get: () => {
    throw new Error('not found');
  },
} as unknown as ModuleRef;

const withRateLimit = (rateLimit: Partial<ResolvedMindoffOptions['rateLimit']>) =>
  ({ rateLimit: { commandTimeoutMs: 50, ...rateLimit } }) as ResolvedMindoffOptions;

const customStore = (increment: ThrottlerStorage['increment']): ThrottlerStorage => ({ increment });

describe('MindoffHealthIndicator.rateLimit', () => {
  it('is up without asking the in-memory store', async () => {
    const storage = new MemoryThrottlerStorage();
    const increment = jest.spyOn(storage, 'increment');
    const indicator = new MindoffHealthIndicator(noQueue, storage, withRateLimit({}));
    expect(await indicator.rateLimit('limits')).toEqual({
      limits: { status: 'up', store: 'memory' },
    });
    expect(increment).not.toHaveBeenCalled();
  });

  it("is up when the app's own store answers a probe counter", async () => {
    const increment = jest.fn(async () => ({
      totalHits: 1,
      timeToExpire: 1,
      isBlocked: false,
      timeToBlockExpire: 0,
    }));
    const storage = customStore(increment);
    const indicator = new MindoffHealthIndicator(noQueue, storage, withRateLimit({ storage }));
    expect(await indicator.rateLimit('limits')).toEqual({
      limits: { status: 'up', store: 'custom' },
    });
    expect(increment).toHaveBeenCalledWith(
      'mindoff_health_probe',
      1000,
      Number.MAX_SAFE_INTEGER,
      0,
      'mindoff_health_probe',
    );
  });

  it('is down, saying why, when the store fails', async () => {
    const storage = customStore(() => Promise.reject(new Error('ECONNREFUSED')));
    const indicator = new MindoffHealthIndicator(noQueue, storage, withRateLimit({ storage }));
    expect(await indicator.rateLimit('limits')).toEqual({
      limits: {
        status: 'down',
        store: 'custom',
        message: 'the rate-limit store did not answer (ECONNREFUSED).',
      },
    });
  });

  it('is down once commandTimeoutMs passes when the store never answers', async () => {
    const storage = customStore(() => new Promise(() => undefined));
    const indicator = new MindoffHealthIndicator(noQueue, storage, withRateLimit({ storage }));
    expect(await indicator.rateLimit('limits')).toEqual({
      limits: {
        status: 'down',
        store: 'custom',
        message: 'the rate-limit store did not answer (no answer within 50 ms).',
      },
    });
  });
});

describe('MindoffHealthIndicator and the optional @nestjs/terminus', () => {
  afterEach(() => jest.resetModules());

  it('says how to install @nestjs/terminus when a check runs without it', async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock('@nestjs/terminus', () => {
        throw notFound('@nestjs/terminus');
      });
      const { MindoffHealthIndicator: Isolated } = jest.requireActual<
        typeof import('./mindoff-health.indicator')
      >('./mindoff-health.indicator');
      const indicator = new Isolated(noQueue, new MemoryThrottlerStorage(), withRateLimit({}));
      await expect(indicator.rateLimit('limits')).rejects.toThrow(
        'MindoffHealthIndicator reports to @nestjs/terminus, which is not installed; install it: npm install @nestjs/terminus',
      );
    });
  });

  it('lets an app without @nestjs/terminus start MindoffModule', async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock('@nestjs/terminus', () => {
        throw notFound('@nestjs/terminus');
      });
      const { Test } = jest.requireActual<typeof import('@nestjs/testing')>('@nestjs/testing');
      const { MindoffModule } =
        jest.requireActual<typeof import('../mindoff.module')>('../mindoff.module');
      const ref = await Test.createTestingModule({ imports: [MindoffModule.forRoot()] }).compile();
      const app = await ref.init();
      try {
        expect(app.get(MindoffModule)).toBeInstanceOf(MindoffModule);
      } finally {
        await app.close();
      }
    });
  });
});
