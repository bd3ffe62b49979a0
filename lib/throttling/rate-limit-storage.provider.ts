import { Logger, type FactoryProvider, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { redisRateLimitNotice } from '../mindoff.messages';
import { MemoryThrottlerStorage } from './memory-throttler.storage';
import { createRedisThrottlerStorage } from './redis-throttler.storage';

/** Injection token of the `ThrottlerStorage` that holds mindoff's rate-limit counters. */
export const MINDOFF_THROTTLER_STORAGE = Symbol('mindoff:throttler-storage');

/** Picks the counter store: the app's own, Redis when a URL is given, else the in-memory O(1) store. */
export const rateLimitStorageProvider: FactoryProvider<ThrottlerStorage> = {
  provide: MINDOFF_THROTTLER_STORAGE,
  inject: [MINDOFF_RESOLVED_OPTIONS],
  useFactory: ({ rateLimit: config }: ResolvedMindoffOptions): ThrottlerStorage => {
    if (config.storage) return config.storage;
    if (config.redis) {
      const { storage, close } = createRedisThrottlerStorage(config.redis, config.prefix);
      new Logger('Mindoff').log(redisRateLimitNotice());
      return Object.assign(storage, {
        onApplicationShutdown: () => close(),
      } satisfies OnApplicationShutdown);
    }
    return new MemoryThrottlerStorage();
  },
};
