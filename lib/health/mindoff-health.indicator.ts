import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { HealthIndicatorService } from '@nestjs/terminus';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import {
  healthNoQueue,
  healthQueueUnreachable,
  healthRateLimitStoreUnreachable,
  terminusMissing,
} from '../mindoff.messages';
import { loadOptionalPeer } from '../optional-peer';
import { MINDOFF_QUEUE_DRIVER, type QueueDriver, type QueueStats } from '../queue/queue-driver';
import { MINDOFF_THROTTLER_STORAGE } from '../throttling/rate-limit-storage.provider';
import { judgeQueue, type QueueHealthOptions } from './queue-health';
import { probeRateLimitStore, rateLimitStoreKind } from './rate-limit-probe';

/** One indicator's result, shaped as @nestjs/terminus's `HealthIndicatorResult`. */
export type MindoffHealthResult<Key extends string> = Record<
  Key,
  { status: 'up' | 'down'; [detail: string]: unknown }
>;

/**
 * Health indicators for @nestjs/terminus (an optional peer, loaded on first use): `queue` (broker
 * reachable, workers alive, oldest waiting task) and `rateLimit` (counter store reachable). Each
 * answers within the store's `commandTimeoutMs`. Provided by `MindoffModule`; the app imports
 * `TerminusModule` and calls them from its own health controller.
 *
 * @example
 * @Get('health') @HealthCheck()
 * check() {
 *   return this.health.check([
 *     () => this.mindoff.queue('queue', { maxWaitingAgeSeconds: 60, workerSeenWithinSeconds: 30 }),
 *     () => this.mindoff.rateLimit('rateLimit'),
 *   ]);
 * }
 */
@Injectable()
export class MindoffHealthIndicator {
  private driver?: QueueDriver | null;
  private indicators?: HealthIndicatorService;

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(MINDOFF_THROTTLER_STORAGE) private readonly storage: ThrottlerStorage,
    @Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions,
  ) {}

  /**
   * Up while the queue's broker answers and `options` hold; down with a `message` saying why.
   * Reports `driver`, `waiting`, `active`, `oldestWaitingSeconds` and `workerSeenSecondsAgo`.
   */
  async queue<const Key extends string>(
    key: Key,
    options: QueueHealthOptions = {},
  ): Promise<MindoffHealthResult<Key>> {
    const session = this.session(key);
    const driver = this.queueDriver();
    if (!driver) return session.down({ message: healthNoQueue() });
    const kind = driver.durable ? 'bullmq' : 'embedded';
    let stats: QueueStats;
    try {
      stats = await driver.stats();
    } catch (error) {
      return session.down({ driver: kind, message: healthQueueUnreachable(reason(error)) });
    }
    const { details, problems } = judgeQueue(stats, options, Date.now());
    return problems.length === 0
      ? session.up({ driver: kind, ...details })
      : session.down({ driver: kind, ...details, message: problems.join(' ') });
  }

  /** Up while the rate-limit store answers (the in-memory store always does); reports `store`. */
  async rateLimit<const Key extends string>(key: Key): Promise<MindoffHealthResult<Key>> {
    const session = this.session(key);
    const { rateLimit } = this.options;
    const store = rateLimitStoreKind(rateLimit);
    try {
      await probeRateLimitStore(this.storage, store, rateLimit.commandTimeoutMs);
    } catch (error) {
      return session.down({ store, message: healthRateLimitStoreUnreachable(reason(error)) });
    }
    return session.up({ store });
  }

  private session<Key extends string>(key: Key) {
    this.indicators ??= new (loadOptionalPeer<typeof import('@nestjs/terminus')>(
      '@nestjs/terminus',
      terminusMissing,
    ).HealthIndicatorService)();
    return this.indicators.check(key);
  }

  /** The queue's driver, when a queue-mode API brought the queue module into the app. */
  private queueDriver(): QueueDriver | null {
    if (this.driver === undefined) {
      try {
        this.driver = this.moduleRef.get<QueueDriver>(MINDOFF_QUEUE_DRIVER, { strict: false });
      } catch {
        this.driver = null;
      }
    }
    return this.driver;
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
