import { healthNoWorkerSeen, healthTaskWaitingTooLong } from '../mindoff.messages';
import type { QueueStats } from '../queue/queue-driver';

/**
 * What makes the queue healthy, for `MindoffHealthIndicator.queue()`; each check is off when
 * omitted.
 *
 * @example
 * this.mindoff.queue('queue', { maxWaitingAgeSeconds: 60, workerSeenWithinSeconds: 30 })
 */
export interface QueueHealthOptions {
  /** Down when the oldest waiting task has waited longer than this (e.g. 60). */
  maxWaitingAgeSeconds?: number;
  /** Down when no worker of the queue was alive within this many seconds (e.g. 30). */
  workerSeenWithinSeconds?: number;
}

/** The details a queue check reports, up or down. */
export interface QueueHealthDetails {
  [detail: string]: unknown;
  waiting: number;
  active: number;
  /** How long the oldest waiting task has waited; null when none waits. */
  oldestWaitingSeconds: number | null;
  /** How long ago a worker was last seen alive; null when none is known. */
  workerSeenSecondsAgo: number | null;
}

/** The queue's health at `now`: its details, and why it is down (empty when it is up). */
export function judgeQueue(
  stats: QueueStats,
  options: QueueHealthOptions,
  now: number,
): { details: QueueHealthDetails; problems: string[] } {
  const ageMs = stats.oldestWaitingAt === null ? null : Math.max(0, now - stats.oldestWaitingAt);
  const seenMs = stats.workersSeenAt === null ? null : Math.max(0, now - stats.workersSeenAt);
  const details: QueueHealthDetails = {
    waiting: stats.waiting,
    active: stats.active,
    oldestWaitingSeconds: seconds(ageMs),
    workerSeenSecondsAgo: seconds(seenMs),
  };
  const problems: string[] = [];
  const { maxWaitingAgeSeconds: maxAge, workerSeenWithinSeconds: within } = options;
  if (within !== undefined && (seenMs === null || seenMs > within * 1000)) {
    problems.push(healthNoWorkerSeen(within, seconds(seenMs)));
  }
  if (maxAge !== undefined && ageMs !== null && ageMs > maxAge * 1000) {
    problems.push(healthTaskWaitingTooLong(seconds(ageMs)!, maxAge));
  }
  return { details, problems };
}

/** Milliseconds as seconds with one decimal. */
function seconds(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 100) / 10;
}
