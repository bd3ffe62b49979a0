import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import type { CompiledIdempotency } from './compiled-idempotency';
import { memoryIdempotencyBesideRedis } from './idempotency.messages';

/**
 * The startup warning for APIs that require a key while keys stay in this process's memory but
 * the queue or the rate limits use Redis (so the app runs on several instances); undefined when
 * the store is shared, or nothing else points at more than one instance.
 */
export function unsharedStoreWarning(
  apis: readonly { className: string; idempotency: CompiledIdempotency | null }[],
  options: Pick<ResolvedMindoffOptions, 'idempotency' | 'queue' | 'rateLimit'>,
): string | undefined {
  if (options.idempotency.store || options.idempotency.redis) return undefined;
  const redisOption = options.queue.connection
    ? 'queue.connection'
    : options.rateLimit.redis
      ? 'rateLimit.redis'
      : undefined;
  const requiring = apis.filter((api) => api.idempotency?.required).map((api) => api.className);
  return redisOption && requiring.length > 0
    ? memoryIdempotencyBesideRedis(requiring, redisOption)
    : undefined;
}
