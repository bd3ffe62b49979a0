import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type {
  IdempotencyClaim,
  IdempotencyOutcome,
  IdempotencyStore,
} from '../interfaces/idempotency-store.interface';
import type { RateLimitRedis } from '../interfaces/mindoff-module-options.interface';
import { keyPrefix } from '../throttling/key-prefix';
import { openRateLimitRedis, type RateLimitRedisClient } from '../throttling/rate-limit-redis';

/** Default key prefix of {@link RedisIdempotencyStore}. */
export const DEFAULT_REDIS_IDEMPOTENCY_PREFIX = 'mindoff:idem:';

/**
 * Each key is one Redis hash (`fp`, `token` while held, `outcome` once answered) whose expiry is
 * the lock's, then the answer's ttl. One key per script, so every script is slot-safe on a Cluster.
 */
const SCRIPTS = {
  // ARGV: fingerprint, token, lock ttl ms → { 'claimed' } | { 'done', fp, outcome } | { 'running', fp, pttl }
  mindoffIdemClaim: `
local v = redis.call('HMGET', KEYS[1], 'fp', 'token', 'outcome')
if not v[1] then
  redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'token', ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return { 'claimed' }
end
if v[3] then return { 'done', v[1], v[3] } end
return { 'running', v[1], tostring(redis.call('PTTL', KEYS[1])) }`,
  // ARGV: token, lock ttl ms → 1 | 0
  mindoffIdemRenew: `
if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`,
  // ARGV: token, outcome, ttl ms → 1 | 0
  mindoffIdemComplete: `
if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'outcome', ARGV[2])
redis.call('HDEL', KEYS[1], 'token')
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`,
  // ARGV: token → 1 | 0
  mindoffIdemRelease: `
if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`,
} as const;

type Scripts = {
  [name in keyof typeof SCRIPTS]: (key: string, ...args: string[]) => Promise<unknown>;
};

/**
 * Idempotency keys in Redis, shared by every instance: each call is one atomic script on one key
 * (`<prefix>{<sha256 of the key>}`, its own hash tag), so claims race safely across processes and
 * on a Redis Cluster. The client is borrowed: this class never connects or quits it.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly prefix: string;
  private readonly scripts: Scripts;

  constructor(redis: Redis | Cluster, options: { prefix?: string } = {}) {
    this.prefix = keyPrefix(options.prefix ?? DEFAULT_REDIS_IDEMPOTENCY_PREFIX);
    for (const [name, lua] of Object.entries(SCRIPTS)) {
      redis.defineCommand(name, { numberOfKeys: 1, lua });
    }
    const commands = redis as unknown as Scripts;
    this.scripts = {
      mindoffIdemClaim: commands.mindoffIdemClaim.bind(redis),
      mindoffIdemRenew: commands.mindoffIdemRenew.bind(redis),
      mindoffIdemComplete: commands.mindoffIdemComplete.bind(redis),
      mindoffIdemRelease: commands.mindoffIdemRelease.bind(redis),
    };
  }

  /** The Redis key of an idempotency key. */
  redisKey(key: string): string {
    return `${this.prefix}{${createHash('sha256').update(key).digest('hex')}}`;
  }

  async claim(
    key: string,
    fingerprint: string,
    token: string,
    lockTtlMs: number,
  ): Promise<IdempotencyClaim> {
    const reply = (await this.scripts.mindoffIdemClaim(
      this.redisKey(key),
      fingerprint,
      token,
      String(lockTtlMs),
    )) as string[];
    if (reply[0] === 'claimed') return { state: 'claimed' };
    if (reply[0] === 'done') {
      return {
        state: 'done',
        fingerprint: reply[1],
        outcome: JSON.parse(reply[2]) as IdempotencyOutcome,
      };
    }
    return { state: 'running', fingerprint: reply[1], retryAfterMs: Math.max(0, Number(reply[2])) };
  }

  async renew(key: string, token: string, lockTtlMs: number): Promise<boolean> {
    return (
      Number(await this.scripts.mindoffIdemRenew(this.redisKey(key), token, String(lockTtlMs))) ===
      1
    );
  }

  async complete(
    key: string,
    token: string,
    outcome: IdempotencyOutcome,
    ttlMs: number,
  ): Promise<boolean> {
    const done = await this.scripts.mindoffIdemComplete(
      this.redisKey(key),
      token,
      JSON.stringify(outcome),
      String(ttlMs),
    );
    return Number(done) === 1;
  }

  async release(key: string, token: string): Promise<void> {
    await this.scripts.mindoffIdemRelease(this.redisKey(key), token);
  }
}

/**
 * Opens a dedicated ioredis client for `connection` with the rate limiter's connection rules (every
 * call answers within `commandTimeoutMs`, nothing queues while disconnected; see
 * `openRateLimitRedis`) and wraps it in a {@link RedisIdempotencyStore}.
 */
export function createRedisIdempotencyStore(
  connection: RateLimitRedis,
  options: { prefix: string; commandTimeoutMs: number },
): { store: RedisIdempotencyStore } & Omit<RateLimitRedisClient, 'redis'> {
  const { redis, ready, close } = openRateLimitRedis(
    connection,
    options.commandTimeoutMs,
    undefined,
    'idempotency.store.redis',
  );
  return { store: new RedisIdempotencyStore(redis, { prefix: options.prefix }), ready, close };
}
