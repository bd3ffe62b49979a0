import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ResolvedRateLimitOptions } from '../interfaces/resolved-mindoff-options.interface';

/** Which store holds the rate-limit counters. */
export type RateLimitStoreKind = 'memory' | 'redis' | 'custom';

/** The counter a probe touches: its own key, never one a request counts against. */
const PROBE = { key: 'mindoff_health_probe', ttlMs: 1000 };

/** Where `rateLimit` keeps its counters. */
export function rateLimitStoreKind(options: ResolvedRateLimitOptions): RateLimitStoreKind {
  if (options.storage) return 'custom';
  return options.redis ? 'redis' : 'memory';
}

/**
 * Asks the store once, the way a request does (one `increment` of a probe counter), rejecting
 * when it fails or has not answered within `timeoutMs`. The in-memory store is not asked: it
 * cannot be unreachable.
 */
export async function probeRateLimitStore(
  storage: ThrottlerStorage,
  kind: RateLimitStoreKind,
  timeoutMs: number,
): Promise<void> {
  if (kind === 'memory') return;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([
      storage.increment(PROBE.key, PROBE.ttlMs, Number.MAX_SAFE_INTEGER, 0, PROBE.key),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
