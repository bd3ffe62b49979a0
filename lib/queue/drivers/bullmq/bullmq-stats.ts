import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueStats } from '../../queue-driver';
import type { WorkerHeartbeat } from './worker-heartbeat';

/**
 * The BullMQ queue's {@link QueueStats}: BullMQ's job counts (waiting = waiting + delayed +
 * prioritized), the creation time of the oldest job of the wait list (a retried task is a new job,
 * so it counts from its retry; only that one field is read, never the job's payload), and the
 * workers' latest heartbeat.
 */
export async function readBullmqStats(
  queue: Queue,
  client: Redis,
  heartbeat: WorkerHeartbeat,
): Promise<QueueStats> {
  const [counts, oldestAt, workersSeenAt] = await Promise.all([
    queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
    oldestWaitingAt(queue, client),
    heartbeat.lastSeen(),
  ]);
  const count = (state: string) => counts[state] ?? 0;
  return {
    waiting: count('waiting') + count('delayed') + count('prioritized'),
    active: count('active'),
    oldestWaitingAt: oldestAt,
    workersSeenAt,
  };
}

async function oldestWaitingAt(queue: Queue, client: Redis): Promise<number | null> {
  const [id] = await queue.getRanges(['waiting'], 0, 0, true);
  if (id === undefined) return null;
  const timestamp = await client.hget(queue.toKey(id), 'timestamp');
  return timestamp === null ? null : Number(timestamp);
}
