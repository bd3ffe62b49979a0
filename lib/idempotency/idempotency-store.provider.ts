import {
  Logger,
  type FactoryProvider,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { IdempotencyStore } from '../interfaces/idempotency-store.interface';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { DeadlineIdempotencyStore } from './deadline-idempotency.store';
import { idempotencyAnswersForgotten } from './idempotency.messages';
import { MemoryIdempotencyStore } from './memory-idempotency.store';
import { createRedisIdempotencyStore } from './redis-idempotency.store';

/** Injection token of the `IdempotencyStore` that holds idempotency keys. */
export const MINDOFF_IDEMPOTENCY_STORE = Symbol('mindoff:idempotency-store');

/**
 * Picks where keys live: the app's own store (each call bounded by `commandTimeoutMs`), Redis when
 * `store: { redis }` is given (its client bounds every call itself), else this process's memory (at most
 * `memoryMaxMegabytes`).
 */
export const idempotencyStoreProvider: FactoryProvider<IdempotencyStore> = {
  provide: MINDOFF_IDEMPOTENCY_STORE,
  inject: [MINDOFF_RESOLVED_OPTIONS],
  useFactory: ({ idempotency: config }: ResolvedMindoffOptions): IdempotencyStore => {
    if (config.store) return new DeadlineIdempotencyStore(config.store, config.commandTimeoutMs);
    if (config.redis) {
      const { store, ready, close } = createRedisIdempotencyStore(config.redis, config);
      return Object.assign(store, {
        onModuleInit: () => ready(),
        onApplicationShutdown: () => close(),
      } satisfies OnModuleInit & OnApplicationShutdown);
    }
    const logger = new Logger('Mindoff');
    return new MemoryIdempotencyStore({
      maxBytes: config.memoryMaxBytes,
      onForget: (count) => logger.warn(idempotencyAnswersForgotten(count, config.memoryMaxBytes)),
    });
  },
};
