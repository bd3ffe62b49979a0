import type { MindoffModuleOptions } from 'mindoff';
import { join } from 'node:path';

/** Where the sample's responses.csv lives (the sample runs from the repository root). */
export const SAMPLE_RESPONSES = join(process.cwd(), 'sample', 'config', 'responses.csv');

/**
 * The sample's mindoff options, from its environment:
 * - `REDIS_URL`: queue-mode tasks on BullMQ and rate-limit counters in that Redis (shared by every
 *   instance), idempotency keys there too; without it, the embedded in-process queue and
 *   in-memory counters and keys.
 * - `SAMPLE_QUEUE_PREFIX`: key prefix in Redis (default `mindoff-sample`).
 * - `MINDOFF_ROLE`: `api` serves HTTP and runs no tasks, `worker` runs tasks and serves no HTTP,
 *   unset does both (see main.ts). With Redis, any number of each can share the queue.
 * - `SAMPLE_RATE_LIMIT`: the APIs' default request limit (e.g. `120/m`; mindoff's default 30/m).
 * - `TRUST_PROXY`: the number of proxies in front of the sample whose `X-Forwarded-For` to trust.
 * - `IDEMPOTENCY_LOCK_TTL`: with Redis, how soon an idempotency key frees after the process
 *   running its request died (e.g. `2s`; default 30 s).
 * - `QUEUE_LOCK_MS`: how long a worker's lock on a task lasts and how often stalled tasks are looked
 *   for (BullMQ's default 30 s): a task whose worker died runs again elsewhere after about that.
 */
export function sampleOptions(env: NodeJS.ProcessEnv = process.env): MindoffModuleOptions {
  const prefix = env.SAMPLE_QUEUE_PREFIX ?? 'mindoff-sample';
  const lockMs = env.QUEUE_LOCK_MS ? Number(env.QUEUE_LOCK_MS) : undefined;
  return {
    responsesPath: SAMPLE_RESPONSES,
    // GET /mindoff/apis/: the route table mindoff/client reads (the home page's client uses it).
    clientManifest: true,
    queue: env.REDIS_URL
      ? {
          connection: env.REDIS_URL,
          prefix,
          worker: env.MINDOFF_ROLE !== 'api',
          ...(lockMs ? { lockDurationMs: lockMs, stalledIntervalMs: lockMs } : {}),
        }
      : {},
    ...(env.REDIS_URL ? { rateLimit: { redis: env.REDIS_URL, prefix: `${prefix}:rl:` } } : {}),
    // Idempotency keys where every instance sees them (payments__charge requires one).
    ...(env.REDIS_URL
      ? {
          idempotency: {
            store: { redis: env.REDIS_URL, prefix: `${prefix}:idem:` },
            ...(env.IDEMPOTENCY_LOCK_TTL
              ? { lockTtl: env.IDEMPOTENCY_LOCK_TTL as `${number}s` }
              : {}),
          },
        }
      : {}),
    ...(env.SAMPLE_RATE_LIMIT
      ? { defaults: { limits: { request: env.SAMPLE_RATE_LIMIT as `${number}/m` } } }
      : {}),
    ...(env.TRUST_PROXY ? { trustProxy: Number(env.TRUST_PROXY) } : {}),
  };
}
