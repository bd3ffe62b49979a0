import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { RateLimitRedis } from '../interfaces/mindoff-module-options.interface';
import {
  rateLimitRedisBack,
  rateLimitRedisNotReady,
  rateLimitRedisUnreachable,
} from '../mindoff.messages';
import { openRedis } from '../redis/open-redis';
import { checkRedisAtStartup } from '../redis/redis-startup-check';

/** How long one call to the rate-limit store may take (`rateLimit.commandTimeoutMs`'s default). */
export const DEFAULT_RATE_LIMIT_COMMAND_TIMEOUT_MS = 1000;

/**
 * Longest wait between two reconnection attempts, so rate limits work again at most this long
 * after Redis is back (plus one connect). A `retryStrategy` in the given options replaces it.
 */
export const RATE_LIMIT_REDIS_RECONNECT_MAX_MS = 1000;

/** A Redis client owned by the rate limiter, and what its owner does with it. */
export interface RateLimitRedisClient {
  redis: Redis;
  /**
   * Refuses a Redis that rejects the credentials or is one node of a Cluster (see
   * `checkRedisAtStartup`), then resolves once connected, or after `commandTimeoutMs` (logged) so
   * a down Redis never holds up startup.
   */
  ready(): Promise<void>;
  /** Quits the client (or drops the connection when Redis is gone). */
  close(): Promise<void>;
}

/**
 * Opens the ioredis client of `rateLimit.redis` so that no call can hang: each command answers
 * within `commandTimeoutMs` (`commandTimeout`), commands fail at once while disconnected instead
 * of queueing (`enableOfflineQueue: false`, `maxRetriesPerRequest: 0`), and reconnection backs off
 * up to {@link RATE_LIMIT_REDIS_RECONNECT_MAX_MS}, on one node, Sentinel or a Cluster (its nodes
 * get the per-command rules). Given ioredis options win over these defaults, except
 * `commandTimeout`, which is always `commandTimeoutMs`; a client or `Cluster` passed in is copied.
 * Connection errors are logged once per outage, and once more when Redis is back. `option` is
 * the option the connection came from, named in startup refusals.
 */
export function openRateLimitRedis(
  connection: RateLimitRedis,
  commandTimeoutMs: number,
  logger: Pick<Logger, 'error' | 'log' | 'warn'> = new Logger('Mindoff'),
  option = 'rateLimit.redis',
): RateLimitRedisClient {
  const redis = openRedis(connection, {
    defaults: {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 100, RATE_LIMIT_REDIS_RECONNECT_MAX_MS),
    },
    rules: { commandTimeout: commandTimeoutMs },
    purpose: `${option} (rate-limit counters in Redis)`,
  });
  let unreachable = false;
  redis.on('error', (error: Error) => {
    if (unreachable) return;
    unreachable = true;
    logger.error(rateLimitRedisUnreachable(error.message));
  });
  redis.on('ready', () => {
    if (!unreachable) return;
    unreachable = false;
    logger.log(rateLimitRedisBack());
  });
  return {
    redis,
    ready: async () => {
      try {
        await checkRedisAtStartup(connection, {
          option,
          timeoutMs: commandTimeoutMs,
          queue: false,
        });
      } catch (refused) {
        // The app does not start, so no shutdown hook will close the client.
        redis.disconnect();
        throw refused;
      }
      await whenReady(redis, commandTimeoutMs, logger);
    },
    close: async () => {
      // QUIT lets pending replies arrive; without a live connection there is nothing to wait for.
      if (redis.status !== 'ready') return redis.disconnect();
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    },
  };
}

async function whenReady(
  redis: Redis,
  timeoutMs: number,
  logger: Pick<Logger, 'warn'>,
): Promise<void> {
  if (redis.status === 'ready') return;
  if (redis.status === 'wait') void redis.connect().catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  let onReady = (): void => undefined;
  const connected = await new Promise<boolean>((resolve) => {
    onReady = () => resolve(true);
    redis.once('ready', onReady);
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  clearTimeout(timer);
  redis.off('ready', onReady);
  if (!connected) logger.warn(rateLimitRedisNotReady(timeoutMs));
}
