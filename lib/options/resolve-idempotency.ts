import type { IdempotencyStore } from '../interfaces/idempotency-store.interface';
import type { MindoffIdempotencyOptions } from '../interfaces/mindoff-module-options.interface';
import type { ResolvedIdempotencyOptions } from '../interfaces/resolved-mindoff-options.interface';
import { parseDuration } from '../idempotency/duration';
import {
  badIdempotencyMemory,
  badIdempotencyStore,
  badIdempotencyTimeout,
  badIdempotencyTtl,
} from '../idempotency/idempotency.messages';
import { DEFAULT_REDIS_IDEMPOTENCY_PREFIX } from '../idempotency/redis-idempotency.store';
import { megabytes } from './megabytes';

const DEFAULT_TTL = '24h';
const DEFAULT_LOCK_TTL = '30s';
const DEFAULT_COMMAND_TIMEOUT_MS = 1000;
const DEFAULT_MEMORY_MEGABYTES = 64;
const STORE_METHODS = ['claim', 'renew', 'complete', 'release'] as const;

/**
 * `forRoot({ idempotency })` with every default applied: answers kept a day, locks of 30 s, keys
 * in memory (64 MB at most) unless a store or `{ redis }` is given; what does not parse goes to `problems`.
 *
 * @example
 * resolveIdempotency({ ttl: '1h' }, []).ttlMs; // 3600000
 */
export function resolveIdempotency(
  given: MindoffIdempotencyOptions,
  problems: string[],
): ResolvedIdempotencyOptions {
  const duration = (field: 'ttl' | 'lockTtl', fallback: string): number => {
    const value: unknown = given[field] ?? fallback;
    const ms = parseDuration(value);
    if (ms === null) {
      problems.push(
        badIdempotencyTtl(`MindoffModule: idempotency.${field}`, JSON.stringify(value)),
      );
    }
    return ms ?? (parseDuration(fallback) as number);
  };
  const resolved: ResolvedIdempotencyOptions = {
    ttlMs: duration('ttl', DEFAULT_TTL),
    lockTtlMs: duration('lockTtl', DEFAULT_LOCK_TTL),
    prefix: DEFAULT_REDIS_IDEMPOTENCY_PREFIX,
    commandTimeoutMs: DEFAULT_COMMAND_TIMEOUT_MS,
    memoryMaxBytes: megabytes(
      given.memoryMaxMegabytes,
      DEFAULT_MEMORY_MEGABYTES,
      problems,
      (value) => badIdempotencyMemory(JSON.stringify(value) ?? String(value)),
    ),
  };
  const store: unknown = given.store;
  if (store === undefined) return resolved;
  if (isStore(store)) return { ...resolved, store };
  const redis = store as { redis?: unknown; prefix?: unknown; commandTimeoutMs?: unknown };
  if (typeof store !== 'object' || store === null || redis.redis === undefined) {
    problems.push(badIdempotencyStore(describe(store)));
    return resolved;
  }
  const timeout = redis.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  if (typeof timeout !== 'number' || !(timeout > 0) || !Number.isFinite(timeout)) {
    problems.push(badIdempotencyTimeout(JSON.stringify(timeout)));
  }
  return {
    ...resolved,
    redis: redis.redis as ResolvedIdempotencyOptions['redis'],
    prefix: typeof redis.prefix === 'string' ? redis.prefix : DEFAULT_REDIS_IDEMPOTENCY_PREFIX,
    commandTimeoutMs:
      typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_COMMAND_TIMEOUT_MS,
  };
}

function isStore(value: unknown): value is IdempotencyStore {
  return (
    typeof value === 'object' &&
    value !== null &&
    STORE_METHODS.every((name) => typeof (value as Record<string, unknown>)[name] === 'function')
  );
}

function describe(value: unknown): string {
  return typeof value === 'object' && value !== null ? 'object without redis' : String(value);
}
