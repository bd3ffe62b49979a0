import type { ThrottlerStorage } from '@nestjs/throttler';
import { withDeadline } from '../deadline';
import { rateLimitStoreTimeout } from '../mindoff.messages';
import type { ThrottlerStorageRecord } from './throttler-record';

/** The Nest lifecycle hooks a wrapped storage may have; each is passed on to it. */
type HookName =
  | 'onModuleInit'
  | 'onApplicationBootstrap'
  | 'onModuleDestroy'
  | 'beforeApplicationShutdown'
  | 'onApplicationShutdown';

type Hooks = Record<HookName, (signal?: string) => unknown>;

/**
 * An app's own `ThrottlerStorage` with a deadline: a call that has not settled within
 * `timeoutMs` is rejected, so a store that hangs is treated like one that throws
 * (`rateLimit.onStoreError` applies). mindoff's own stores need no wrapper: the memory store
 * never waits and the Redis client has its own command timeout.
 */
export class DeadlineThrottlerStorage implements ThrottlerStorage, Hooks {
  constructor(
    private readonly inner: ThrottlerStorage,
    private readonly timeoutMs: number,
  ) {}

  /** The wrapped storage's `increment`, rejected after `timeoutMs`. */
  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    return withDeadline(
      () => this.inner.increment(key, ttl, limit, blockDuration, throttlerName),
      this.timeoutMs,
      () => new Error(rateLimitStoreTimeout(this.timeoutMs)),
    );
  }

  onModuleInit(): unknown {
    return this.pass('onModuleInit');
  }

  onApplicationBootstrap(): unknown {
    return this.pass('onApplicationBootstrap');
  }

  onModuleDestroy(): unknown {
    return this.pass('onModuleDestroy');
  }

  beforeApplicationShutdown(signal?: string): unknown {
    return this.pass('beforeApplicationShutdown', signal);
  }

  onApplicationShutdown(signal?: string): unknown {
    return this.pass('onApplicationShutdown', signal);
  }

  /** Calls the wrapped storage's hook of that name, when it has one. */
  private pass(hook: HookName, signal?: string): unknown {
    const own = (this.inner as Partial<Hooks>)[hook];
    return typeof own === 'function' ? own.call(this.inner, signal) : undefined;
  }
}
