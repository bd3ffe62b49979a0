import type { OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { toThrottlerRecord, type ThrottlerStorageRecord } from './throttler-record';

/** Tuning knobs of {@link MemoryThrottlerStorage}; the defaults suit almost everyone. */
export interface MemoryThrottlerStorageOptions {
  /** Run one sweep step after this many increments (default 16). */
  sweepEvery?: number;
  /** Entries one sweep step may look at (default 32, i.e. 2 per increment). */
  sweepBatch?: number;
  /** Period of the unref'd idle sweep in ms, which frees memory when traffic stops; 0 disables it (default 60 000). */
  idleSweepMs?: number;
  /** Entries one idle sweep may look at (default 10 000). */
  idleSweepBatch?: number;
}

/** One counter: hits in the current window, when the window ends and when a block ends (epoch ms). */
interface Window {
  hits: number;
  expiresAt: number;
  blockedUntil: number;
}

/** One counter as the sweep visits it: the map of its throttler, its key there, and the counter. */
type Visit = [counters: Map<string, Window>, key: string, window: Window];

/**
 * In-process fixed-window `ThrottlerStorage`: one small record per key and throttler, O(1) per
 * request. Every request counts, rejected ones included; the request that takes the count past
 * `limit` and all later ones in that window are blocked. A positive `blockDuration` starts a block
 * at the first rejected request of a window that lasts at least that long, even into later windows.
 *
 * Counters are kept per throttler name, then per key, so a request's lookup hashes only its own
 * key (no composed id string to build and hash on each request).
 *
 * Expired records are removed by a cursor that walks the maps a bounded step at a time (every
 * `sweepEvery` increments, and on an unref'd idle interval), so memory stays bounded without any
 * full rescan on the request path and without a timer per key.
 */
export class MemoryThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly windows = new Map<string, Map<string, Window>>();
  private count = 0;
  private readonly sweepEvery: number;
  private readonly sweepBatch: number;
  private readonly idleSweepMs: number;
  private readonly idleSweepBatch: number;
  private cursor: Iterator<Visit> | undefined;
  private sinceSweep = 0;
  private visits = 0;
  private idleTimer: ReturnType<typeof setInterval> | undefined;

  /** @param now clock in epoch ms, injectable for tests */
  constructor(
    private readonly now: () => number = Date.now,
    options: MemoryThrottlerStorageOptions = {},
  ) {
    this.sweepEvery = Math.max(1, Math.floor(options.sweepEvery ?? 16));
    this.sweepBatch = Math.max(1, Math.floor(options.sweepBatch ?? 32));
    this.idleSweepMs = Math.max(0, options.idleSweepMs ?? 60_000);
    this.idleSweepBatch = Math.max(1, Math.floor(options.idleSweepBatch ?? 10_000));
  }

  /** Number of counters currently held (live or not yet swept). */
  get size(): number {
    return this.count;
  }

  /**
   * Total entries the sweeper has looked at so far; lets tests check the per-request cost.
   * @internal
   */
  get sweepVisits(): number {
    return this.visits;
  }

  /** Counts one request against `key` for `throttlerName`; `ttl` and `blockDuration` are in ms. */
  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    return this.incrementNow(key, ttl, limit, blockDuration, throttlerName);
  }

  /**
   * `increment`, answered at once rather than through a promise: the rate limiter counts a
   * request on this store without waiting a turn of the event loop.
   * @internal
   */
  incrementNow(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): ThrottlerStorageRecord {
    const now = this.now();
    let counters = this.windows.get(throttlerName);
    if (counters === undefined) {
      counters = new Map();
      this.windows.set(throttlerName, counters);
    }
    let window = counters.get(key);
    if (window === undefined) {
      window = { hits: 0, expiresAt: 0, blockedUntil: 0 };
      counters.set(key, window);
      this.count += 1;
      this.startIdleSweep();
    }
    if (window.expiresAt <= now) {
      window.hits = 0;
      window.expiresAt = now + Math.max(1, ttl);
    }
    window.hits += 1;
    if (blockDuration > 0 && window.hits === limit + 1 && window.blockedUntil <= now) {
      window.blockedUntil = now + blockDuration;
    }
    if (++this.sinceSweep >= this.sweepEvery) {
      this.sinceSweep = 0;
      this.sweep(this.sweepBatch, now);
    }
    return toThrottlerRecord(window.hits, limit, window.expiresAt - now, window.blockedUntil - now);
  }

  /**
   * Looks at up to `max` entries, continuing from where the previous sweep stopped and wrapping
   * around at most once, and deletes those whose window and block have both ended. Returns how
   * many it deleted.
   */
  sweep(max: number, now: number = this.now()): number {
    let deleted = 0;
    let wrapped = false;
    for (let i = 0; i < max;) {
      this.cursor ??= this.everyCounter();
      const next = this.cursor.next();
      if (next.done) {
        this.cursor = undefined;
        if (wrapped) break;
        wrapped = true;
        continue;
      }
      i += 1;
      this.visits += 1;
      const [counters, key, window] = next.value;
      if (window.expiresAt <= now && window.blockedUntil <= now) {
        counters.delete(key);
        this.count -= 1;
        deleted += 1;
      }
    }
    return deleted;
  }

  /** Stops the idle sweep and drops every counter. */
  onModuleDestroy(): void {
    if (this.idleTimer !== undefined) {
      clearInterval(this.idleTimer);
      this.idleTimer = undefined;
    }
    this.windows.clear();
    this.count = 0;
    this.cursor = undefined;
  }

  /**
   * Every counter, throttler after throttler. Map iteration is live, so the walk goes on across
   * counters added or deleted since it began; a throttler whose counters are all gone is dropped.
   */
  private *everyCounter(): Generator<Visit> {
    for (const [name, counters] of this.windows) {
      for (const [key, window] of counters) yield [counters, key, window];
      if (counters.size === 0) this.windows.delete(name);
    }
  }

  private startIdleSweep(): void {
    if (this.idleTimer !== undefined || this.idleSweepMs === 0) return;
    this.idleTimer = setInterval(() => this.sweep(this.idleSweepBatch), this.idleSweepMs);
    this.idleTimer.unref?.();
  }
}
