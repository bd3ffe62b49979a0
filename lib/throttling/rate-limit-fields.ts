import type { RateLimitHeaders } from '../interfaces/mindoff-module-options.interface';
import type { RateLimitPolicy } from './rate-limit-policy';

/** The `RateLimit` value (draft -08+): `"<policy>";r=<left>;t=<seconds to reset>`. */
export function rateLimitField(policy: RateLimitPolicy, remaining: number, reset: number): string {
  return `${policy.remainingPrefix}${remaining};t=${reset}`;
}

/**
 * The rate-limit fields of an answer under `headers` (`Retry-After` aside), as name → value:
 * what a refusal carries, and what the OpenAPI document lists. `reset` is in whole seconds.
 *
 * @example
 * rateLimitFields('draft-8', policy, 0, 42);
 * // { 'RateLimit-Policy': '"orders__create_order:request";q=30;w=60', RateLimit: '"orders__create_order:request";r=0;t=42' }
 */
export function rateLimitFields(
  headers: RateLimitHeaders,
  policy: RateLimitPolicy,
  remaining: number,
  reset: number,
): Record<string, string> {
  if (headers === 'draft-8') {
    return {
      'RateLimit-Policy': policy.policyField,
      RateLimit: rateLimitField(policy, remaining, reset),
    };
  }
  if (headers === 'draft-6') {
    return {
      'RateLimit-Limit': policy.limitText,
      'RateLimit-Remaining': String(remaining),
      'RateLimit-Reset': String(reset),
    };
  }
  return {};
}

/** Whole seconds until a window resets, never negative: `t` and `RateLimit-Reset` are integers. */
export function resetSeconds(timeToExpire: number): number {
  return timeToExpire > 0 ? Math.ceil(timeToExpire) : 0;
}
