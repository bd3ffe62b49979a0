import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Cluster, Redis } from 'ioredis';
import type { RateLimitRedis } from '../interfaces/mindoff-module-options.interface';
import {
  DEFAULT_RATE_LIMIT_COMMAND_TIMEOUT_MS,
  openRateLimitRedis,
  type RateLimitRedisClient,
} from './rate-limit-redis';
import { keyPrefix } from './key-prefix';
import { toThrottlerRecord, type ThrottlerStorageRecord } from './throttler-record';

/** Options of {@link RedisThrottlerStorage}. */
export interface RedisThrottlerStorageOptions {
  /**
   * Prefix of every key this storage writes (default `'mindoff:rl:'`); a `:` follows it, as it
   * follows `queue.prefix` (`'my-rl'` → `my-rl:<throttler>:{<key>}`).
   */
  prefix?: string;
}

/** Default key prefix of {@link RedisThrottlerStorage}. */
export const DEFAULT_REDIS_THROTTLER_PREFIX = 'mindoff:rl:';

/** Name under which the increment script is registered on the client (`defineCommand`). */
const COMMAND = 'mindoffThrottleIncrement';

/**
 * KEYS[1] counter, KEYS[2] block; ARGV[1] ttl ms, ARGV[2] limit, ARGV[3] blockDuration ms.
 * Returns { hits, counter pttl ms, block pttl ms (0 when none) }.
 */
const INCREMENT_LUA = `
local ttl = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local block = tonumber(ARGV[3])
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then
  redis.call('PEXPIRE', KEYS[1], ttl)
end
local pttl = redis.call('PTTL', KEYS[1])
if pttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
  pttl = ttl
end
local blockPttl = 0
if block > 0 then
  if hits == limit + 1 then
    redis.call('SET', KEYS[2], '1', 'PX', block, 'NX')
  end
  blockPttl = redis.call('PTTL', KEYS[2])
  if blockPttl == -1 then
    redis.call('PEXPIRE', KEYS[2], block)
    blockPttl = block
  elseif blockPttl < 0 then
    blockPttl = 0
  end
end
return { hits, pttl, blockPttl }
`;

type IncrementCommand = (
  counterKey: string,
  blockKey: string,
  ttlMs: number,
  limit: number,
  blockDurationMs: number,
) => Promise<[number, number, number]>;

/**
 * Fixed-window `ThrottlerStorage` in Redis, shared by every instance of the app: one atomic
 * round trip (EVALSHA of a small Lua script) per request doing INCR, PEXPIRE on the first hit,
 * PTTL and, with a positive `blockDuration`, a separate block key set with PX at the first
 * rejected request of a window. Semantics match {@link MemoryThrottlerStorage}.
 *
 * The client is borrowed: this class never connects or quits it. It may be an ioredis `Cluster`:
 * each counter has its own hash tag, so counters spread over the shards.
 *
 * @example
 * rateLimit: { storage: new RedisThrottlerStorage(new Cluster([{ host: '10.0.0.1', port: 7000 }])) }
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly prefix: string;
  private readonly run: IncrementCommand;

  constructor(redis: Redis | Cluster, options: RedisThrottlerStorageOptions = {}) {
    this.prefix = keyPrefix(options.prefix ?? DEFAULT_REDIS_THROTTLER_PREFIX);
    redis.defineCommand(COMMAND, { numberOfKeys: 2, lua: INCREMENT_LUA });
    const command = (redis as unknown as Record<string, IncrementCommand>)[COMMAND];
    this.run = command.bind(redis);
  }

  /** Counts one request against `key` for `throttlerName`; `ttl` and `blockDuration` are in ms. */
  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const counterKey = this.counterKey(key, throttlerName);
    const [hits, pttl, blockPttl] = await this.run(
      counterKey,
      `${counterKey}:block`,
      Math.max(1, Math.ceil(ttl)),
      limit,
      Math.max(0, Math.ceil(blockDuration)),
    );
    return toThrottlerRecord(Number(hits), limit, Number(pttl), Number(blockPttl));
  }

  /**
   * The Redis key of a counter; its block key appends `:block`. The key sits in a `{hash tag}`
   * so counter and block key land in the same Redis Cluster slot.
   */
  counterKey(key: string, throttlerName: string): string {
    return `${this.prefix}${throttlerName}:{${key}}`;
  }
}

/**
 * Opens a dedicated ioredis client for `connection` (see {@link openRateLimitRedis}: every call
 * answers within `commandTimeoutMs`, default 1000) and wraps it in a {@link RedisThrottlerStorage};
 * `ready()` waits (bounded) for the first connection and `close()` quits the client. ioredis is
 * loaded only when this is called, so it stays optional.
 */
export function createRedisThrottlerStorage(
  connection: RateLimitRedis,
  options: RedisThrottlerStorageOptions & { commandTimeoutMs?: number } = {},
): { storage: RedisThrottlerStorage } & Omit<RateLimitRedisClient, 'redis'> {
  const { redis, ready, close } = openRateLimitRedis(
    connection,
    options.commandTimeoutMs ?? DEFAULT_RATE_LIMIT_COMMAND_TIMEOUT_MS,
  );
  return { storage: new RedisThrottlerStorage(redis, { prefix: options.prefix }), ready, close };
}
