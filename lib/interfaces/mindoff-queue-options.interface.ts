import type { CanActivate, Type } from '@nestjs/common';
import type { MindoffRedisConnection } from './redis-connection.interface';

/**
 * Redis for BullMQ: a URL (`redis://host:6379/0`, `rediss://user:password@host:port`), ioredis
 * options (one node or Sentinel), an ioredis client or `Cluster` to copy the settings of, or
 * `{ cluster: nodes, options }`. On a Cluster every queue key shares one hash tag (`{mindoff}`).
 */
export type QueueConnection = MindoffRedisConnection;

/** The task endpoints whose own request limits can be changed. */
export type QueueEndpointName = 'detail' | 'list' | 'stream' | 'streamTicket' | 'cancel' | 'retry';

/** `MindoffModule.forRoot({ queue })`: where queue-mode tasks live and how they run. */
export interface MindoffQueueOptions {
  /** Redis for BullMQ. Without it, tasks run in an embedded in-process queue (lost on restart). */
  connection?: QueueConnection;
  /**
   * Use the app's own @nestjs/bullmq configuration instead of `connection`: `true` for
   * `BullModule.forRoot({ connection, prefix })`, or the `configKey` it was registered under.
   * Its `connection` (and `prefix`, unless `prefix` is set here) are mindoff's.
   */
  useBullModule?: boolean | string;
  /**
   * Permission classes whose holders (staff) may read, follow, cancel and retry every user's
   * tasks, and list any user's with `list/?owner=<user id>`; everyone else keeps owner-only
   * access. Default none.
   */
  adminPermissions?: Type<CanActivate>[];
  /**
   * Prefix of every Redis key, followed by one `:` (`'app'` and `'app:'` both give `app:<queue>:…`,
   * as `rateLimit.prefix` does). Default `mindoff` (or the BullModule's with `useBullModule`); on a
   * Redis Cluster `{mindoff}`, and a prefix given there must hold a hash tag (`'{orders}'`) unless
   * `queueName` does, so every key of the queue is in one slot.
   */
  prefix?: string;
  /** BullMQ queue name. Default `mindoff`. */
  queueName?: string;
  /** Run workers in this process. Default true; false for an API-only process. */
  worker?: boolean;
  /** Tasks run at once per process. Default 4. */
  concurrency?: number;
  /** How long finished tasks stay readable. Default completed 24 h, failed and cancelled 7 days. */
  retention?: { completedSeconds?: number; failedSeconds?: number };
  /**
   * Embedded driver only: the most megabytes its tasks may hold (queued and running tasks' inputs,
   * failed and cancelled tasks' inputs kept for a retry, stored results). Past it the oldest
   * finished tasks are forgotten first; when only unfinished ones are left, enqueueing answers
   * `QUEUE_SERVICE_UNAVAILABLE` (503) until room frees up. Default 64.
   */
  embeddedMaxMegabytes?: number;
  /** Lifetime of a stream ticket. Default 30 s. */
  streamTicketTtlSeconds?: number;
  /** Interval of the status stream's heartbeat comment. Default 15 s. */
  heartbeatSeconds?: number;
  /** Strategies that authenticate `GET /mindoff/queue/list/`. Default: those of the queue-mode APIs. */
  listAuth?: string[];
  /**
   * Each task endpoint's own limit per client, on top of the originating API's per-task limits.
   * Defaults: detail, list and retry `'120/m'`; stream, streamTicket and cancel `'60/m'`; `null` disables.
   */
  endpointLimits?: Partial<Record<QueueEndpointName, `${number}/${'s' | 'm' | 'h' | 'd'}` | null>>;
  /**
   * What of the authenticated user is stored with a task and given to `run()` in the worker.
   * Default: the user as JSON (a user that cannot be written as JSON is stored as `{ id }`).
   * Return only what the task needs to keep secrets (password hashes...) out of the broker.
   */
  serializeUser?: (user: unknown) => unknown;
  /**
   * The origin of the URLs in acknowledgments (`https://api.example.com`). Default: the
   * request's own protocol and Host header.
   */
  publicUrl?: string;
  /** BullMQ: how long a worker's lock on a running task lasts before it counts as stalled. Default 30000 ms. */
  lockDurationMs?: number;
  /** BullMQ: how often stalled tasks (their worker died) are looked for and re-queued. Default 30000 ms. */
  stalledIntervalMs?: number;
  /** How long a broker call may take before the request is answered 503. Default 5000 ms. */
  commandTimeoutMs?: number;
}
