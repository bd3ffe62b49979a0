import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { IncomingMessage } from 'node:http';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import type { RateLimitHeaders } from '../interfaces/mindoff-module-options.interface';
import type { RateLimitPolicy } from './rate-limit-policy';
import { rateLimitField, rateLimitFields, resetSeconds } from './rate-limit-fields';
import { clientIp } from './client-ip';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import { MINDOFF_THROTTLER_STORAGE } from './rate-limit-storage.provider';
import { MemoryThrottlerStorage } from './memory-throttler.storage';
import { StoreOutage } from './store-outage';
import type { ThrottlerStorageRecord } from './throttler-record';

/** The counter {@link RateLimiter.checkStore} touches to learn whether the store answers again. */
const PROBE = { key: 'mindoff_store_probe', ttlMs: 1000 };

/**
 * Fixed-window request limits per user (or client IP when anonymous) on the configured
 * `ThrottlerStorage`: sets the rate-limit fields `rateLimit.headers` chose, refuses with `API_RATE_LIMITED` (429 +
 * `Retry-After`) once the window's count is over the limit. When the store cannot answer,
 * `rateLimit.onStoreError` decides (see {@link StoreOutage}).
 */
@Injectable()
export class RateLimiter {
  private readonly outage: StoreOutage;
  /** The store when it is mindoff's own in-memory one (its `increment` not replaced): counted at once. */
  private readonly memory: MemoryThrottlerStorage | null;
  private readonly headers: RateLimitHeaders;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(MINDOFF_THROTTLER_STORAGE) private readonly storage: ThrottlerStorage,
    @Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions,
  ) {
    this.outage = new StoreOutage(options.rateLimit.onStoreError);
    this.headers = options.rateLimit.headers;
    this.memory =
      storage instanceof MemoryThrottlerStorage &&
      storage.increment === MemoryThrottlerStorage.prototype.increment
        ? storage
        : null;
  }

  /** `user:<id>` for an identified user, otherwise undefined. */
  ownerOf(user: unknown): string | undefined {
    const id = user === null || user === undefined ? undefined : this.options.userId(user);
    return id === undefined ? undefined : `user:${id}`;
  }

  /** Who a request counts against: the user, or the client IP. */
  tracker(user: unknown, raw: IncomingMessage): string {
    return this.ownerOf(user) ?? `ip:${clientIp(raw, this.options.trustProxy)}`;
  }

  /**
   * Counts one hit of `group` for `tracker` under `policy`; throws the 429 when over its limit.
   * Answers at once on the in-memory store, through a promise on any other.
   */
  consume(
    group: string,
    policy: RateLimitPolicy,
    tracker: string,
    response: unknown,
  ): void | Promise<void> {
    // The in-memory store keeps counters per throttler name, so the tracker alone is its key there
    // (no key to compose per request); a shared or custom store gets `group:tracker`, as a store
    // that ignores the throttler name (as @nestjs/throttler's own does) needs.
    const record =
      this.memory === null
        ? this.countInStore(`${group}:${tracker}`, policy.ttlMs, policy.limit, 0, group)
        : this.memory.incrementNow(tracker, policy.ttlMs, policy.limit, 0, group);
    return record instanceof Promise
      ? record.then((counted) => this.counted(counted, policy, response))
      : this.counted(record, policy, response);
  }

  private counted(
    record: ThrottlerStorageRecord | null,
    policy: RateLimitPolicy,
    response: unknown,
  ): void {
    if (record === null) return;
    const reset = resetSeconds(record.timeToExpire);
    if (record.totalHits > policy.limit) {
      const retryAfter = Math.max(1, record.timeToBlockExpire || record.timeToExpire);
      throw new MindoffHttpError(
        'API_RATE_LIMITED',
        { limit: policy.source, retry_after_seconds: retryAfter },
        { 'Retry-After': String(retryAfter), ...rateLimitFields(this.headers, policy, 0, reset) },
      );
    }
    const headers = this.headers;
    if (headers === false) return;
    const adapter = this.adapterHost.httpAdapter;
    const remaining = policy.limit - record.totalHits;
    if (headers === 'draft-8') {
      adapter.setHeader(response, 'RateLimit-Policy', policy.policyField);
      adapter.setHeader(response, 'RateLimit', rateLimitField(policy, remaining, reset));
      return;
    }
    adapter.setHeader(response, 'RateLimit-Limit', policy.limitText);
    adapter.setHeader(response, 'RateLimit-Remaining', String(remaining));
    adapter.setHeader(response, 'RateLimit-Reset', String(reset));
  }

  /**
   * Counts one hit in the store (arguments as `ThrottlerStorage.increment`, in ms). When the
   * store fails or times out: throws `RATE_LIMIT_UNAVAILABLE` (fail-closed) or resolves `null`,
   * meaning "not counted, let it through" (fail-open). The in-memory store answers at once.
   */
  count(
    key: string,
    ttlMs: number,
    limit: number,
    blockDurationMs: number,
    group: string,
  ): ThrottlerStorageRecord | null | Promise<ThrottlerStorageRecord | null> {
    if (this.memory === null) return this.countInStore(key, ttlMs, limit, blockDurationMs, group);
    const record = this.memory.incrementNow(key, ttlMs, limit, blockDurationMs, group);
    this.outage.answered();
    return record;
  }

  private async countInStore(
    key: string,
    ttlMs: number,
    limit: number,
    blockDurationMs: number,
    group: string,
  ): Promise<ThrottlerStorageRecord | null> {
    let record: ThrottlerStorageRecord;
    try {
      record = await this.storage.increment(key, ttlMs, limit, blockDurationMs, group);
    } catch (error) {
      this.outage.failed(error);
      return null;
    }
    this.outage.answered();
    return record;
  }

  /**
   * For checks that need no counter of their own but must not go on unlimited: while the store
   * is known to be down and the policy fails closed, asks it once more, and throws
   * `RATE_LIMIT_UNAVAILABLE` unless it answers. Does nothing otherwise.
   */
  async checkStore(): Promise<void> {
    if (!this.outage.active || this.outage.failsOpen) return;
    await this.count(PROBE.key, PROBE.ttlMs, Number.MAX_SAFE_INTEGER, 0, PROBE.key);
  }
}
