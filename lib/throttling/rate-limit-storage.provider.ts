import {
  Logger,
  type FactoryProvider,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { redisRateLimitNotice } from '../mindoff.messages';
import { DeadlineThrottlerStorage } from './deadline-throttler.storage';
import { MemoryThrottlerStorage } from './memory-throttler.storage';
import { createRedisThrottlerStorage } from './redis-throttler.storage';
import { isClusterConnection } from '../redis/redis-topology';

/** Injection token of the `ThrottlerStorage` that holds mindoff's rate-limit counters. */
export const MINDOFF_THROTTLER_STORAGE = Symbol('mindoff:throttler-storage');

/**
 * Picks the counter store: the app's own (given a deadline of `commandTimeoutMs`), Redis when
 * `redis` is given (its client bounds every call itself; on a Cluster a deadline bounds the
 * whole call too), else the in-memory O(1) store.
 */
export const rateLimitStorageProvider: FactoryProvider<ThrottlerStorage> = {
  provide: MINDOFF_THROTTLER_STORAGE,
  inject: [MINDOFF_RESOLVED_OPTIONS],
  useFactory: ({ rateLimit: config }: ResolvedMindoffOptions): ThrottlerStorage => {
    if (config.storage)
      return new DeadlineThrottlerStorage(config.storage, config.commandTimeoutMs);
    if (config.redis) {
      const { storage, ready, close } = createRedisThrottlerStorage(config.redis, {
        prefix: config.prefix,
        commandTimeoutMs: config.commandTimeoutMs,
      });
      new Logger('Mindoff').log(redisRateLimitNotice());
      // A Cluster retries a command through redirections and slot refreshes, each attempt with
      // its own command timeout: the deadline bounds the whole call.
      const bounded = isClusterConnection(config.redis)
        ? new DeadlineThrottlerStorage(storage, config.commandTimeoutMs)
        : storage;
      return Object.assign(bounded, {
        onModuleInit: () => ready(),
        onApplicationShutdown: () => close(),
      } satisfies OnModuleInit & OnApplicationShutdown);
    }
    return new MemoryThrottlerStorage();
  },
};
