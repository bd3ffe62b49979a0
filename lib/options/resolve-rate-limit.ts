import type {
  MindoffModuleOptions,
  RateLimitHeaders,
  RateLimitStorePolicy,
} from '../interfaces/mindoff-module-options.interface';
import type { ResolvedRateLimitOptions } from '../interfaces/resolved-mindoff-options.interface';
import {
  badFailedAuthLimit,
  badRateLimitCommandTimeout,
  badRateLimitHeaders,
  badRateLimitRedis,
  badRateLimitStorePolicy,
} from '../mindoff.messages';
import { isValidRate, parseRate } from '../throttling/rate';
import { isClusterClient } from '../redis/redis-topology';
import { DEFAULT_REDIS_THROTTLER_PREFIX } from '../throttling/redis-throttler.storage';
import { DEFAULT_RATE_LIMIT_COMMAND_TIMEOUT_MS } from '../throttling/rate-limit-redis';

/** Failed authentications allowed per client address unless `rateLimit.failedAuth` says otherwise. */
export const DEFAULT_FAILED_AUTH_LIMIT = '10/m';

const STORE_POLICIES: readonly RateLimitStorePolicy[] = ['fail-closed', 'fail-open'];

const HEADER_CHOICES: readonly RateLimitHeaders[] = ['draft-8', 'draft-6', false];

/**
 * Applies the defaults of `rateLimit` and adds what is wrong with it to `problems`.
 *
 * @example
 * resolveRateLimit({ onStoreError: 'fail-open' }, []).failedAuth; // { limit: 10, ttlMs: 60000, source: '10/m' }
 */
export function resolveRateLimit(
  given: NonNullable<MindoffModuleOptions['rateLimit']>,
  problems: string[],
): ResolvedRateLimitOptions {
  const { redis } = given;
  if (
    redis !== undefined &&
    typeof redis !== 'string' &&
    !isPlainObject(redis) &&
    !isClient(redis)
  ) {
    problems.push(badRateLimitRedis(redis));
  }
  const commandTimeoutMs = given.commandTimeoutMs ?? DEFAULT_RATE_LIMIT_COMMAND_TIMEOUT_MS;
  if (!(typeof commandTimeoutMs === 'number' && commandTimeoutMs > 0)) {
    problems.push(badRateLimitCommandTimeout(commandTimeoutMs));
  }
  const onStoreError: unknown = given.onStoreError ?? 'fail-closed';
  if (!(STORE_POLICIES as readonly unknown[]).includes(onStoreError)) {
    problems.push(badRateLimitStorePolicy(onStoreError));
  }
  return {
    storage: given.storage,
    redis,
    prefix: given.prefix ?? DEFAULT_REDIS_THROTTLER_PREFIX,
    commandTimeoutMs,
    onStoreError: onStoreError as RateLimitStorePolicy,
    failedAuth: failedAuthLimit(given.failedAuth, problems),
    headers: headerChoice(given.headers, problems),
  };
}

function headerChoice(value: unknown, problems: string[]): RateLimitHeaders {
  if (value === undefined) return 'draft-8';
  if ((HEADER_CHOICES as readonly unknown[]).includes(value)) return value as RateLimitHeaders;
  problems.push(badRateLimitHeaders(value));
  return 'draft-8';
}

function failedAuthLimit(value: unknown, problems: string[]) {
  if (value === undefined) return parseRate(DEFAULT_FAILED_AUTH_LIMIT);
  if (value === null || value === false) return null;
  if (!isValidRate(value)) {
    problems.push(badFailedAuthLimit(value));
    return null;
  }
  return parseRate(value);
}

/** An ioredis client or `Cluster`, whose settings mindoff copies into a client of its own. */
function isClient(value: object): boolean {
  return (
    isClusterClient(value) || typeof (value as { duplicate?: unknown }).duplicate === 'function'
  );
}

/** Options written as an object literal, not a client instance or anything else. */
function isPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
