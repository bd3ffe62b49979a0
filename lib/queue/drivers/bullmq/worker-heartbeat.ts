import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';

/** How often a worker process says it is alive. */
export const WORKER_HEARTBEAT_INTERVAL_MS = 5_000;

/** How long a worker that stopped beating stays listed (then `lastSeen` forgets it). */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/** Every how many beats old entries are dropped and the key's lifetime renewed (about hourly). */
const TIDY_EVERY_BEATS = 720;

/**
 * Workers' liveness in Redis: each worker process writes the time of its latest beat into one
 * sorted set (member: the process's worker id, score: ms since the epoch), refreshed every
 * {@link WORKER_HEARTBEAT_INTERVAL_MS}. Reading the latest beat is one `ZREVRANGE` wherever the
 * reader runs, unlike `CLIENT LIST` (what BullMQ's `getWorkers()` uses), which managed Redis
 * services often refuse and which costs a scan of every client. Times are the workers' clocks, so
 * a reader on another machine sees their skew too. A failed beat (Redis away) is skipped: the
 * next one, or the reconnection, writes again.
 */
export class WorkerHeartbeat {
  private readonly id = randomUUID();
  private timer?: NodeJS.Timeout;
  private beats = 0;

  constructor(
    private readonly client: Redis,
    private readonly key: string,
    private readonly intervalMs = WORKER_HEARTBEAT_INTERVAL_MS,
  ) {}

  /**
   * Beats now (or as soon as Redis is connected, and again on each reconnection), then every
   * interval until {@link stop}.
   */
  start(): void {
    if (this.timer) return;
    if (this.client.status === 'ready') void this.beat();
    this.client.on('ready', this.onReady);
    this.timer = setInterval(() => void this.beat(), this.intervalMs).unref();
  }

  /** Stops beating and withdraws this worker, so it no longer counts as alive. */
  async stop(): Promise<void> {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.client.off('ready', this.onReady);
    if (this.client.status !== 'ready') return;
    try {
      await this.client.zrem(this.key, this.id);
    } catch {
      // Unreachable now: the entry ages out instead.
    }
  }

  /** The latest beat of any worker of the queue, or null when none beat within a day. */
  async lastSeen(): Promise<number | null> {
    const [, score] = await this.client.zrevrange(this.key, 0, 0, 'WITHSCORES');
    return score === undefined ? null : Number(score);
  }

  private readonly onReady = (): void => void this.beat();

  private async beat(): Promise<void> {
    const now = Date.now();
    try {
      await this.client.zadd(this.key, now, this.id);
      // Tidying (forgetting workers gone for a day, keeping the key's lifetime) is rare, so a beat
      // is one command.
      if (this.beats++ % TIDY_EVERY_BEATS === 0) {
        await this.client
          .multi()
          .zremrangebyscore(this.key, '-inf', now - FORGET_AFTER_MS)
          .pexpire(this.key, FORGET_AFTER_MS)
          .exec();
      }
    } catch {
      // Redis is away: the next beat, or the reconnection, writes again.
    }
  }
}
