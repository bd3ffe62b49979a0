import type { Rate } from './rate';
import { structuredString } from './structured-string';

/**
 * A rate with the parts of its rate-limit fields that never change, written once at startup: per
 * request only the count and the time left are added.
 */
export interface RateLimitPolicy extends Rate {
  /** The policy's name in the fields, e.g. `orders__create_order:request`. */
  readonly name: string;
  /** The whole `RateLimit-Policy` value (draft -08+), e.g. `"orders__create_order:request";q=30;w=60`. */
  readonly policyField: string;
  /** The start of every `RateLimit` value (draft -08+), e.g. `"orders__create_order:request";r=`. */
  readonly remainingPrefix: string;
  /** The limit as text, the value of `RateLimit-Limit` (draft -06). */
  readonly limitText: string;
}

/**
 * The policy named `name` (printable ASCII) for `rate`; the draft's partition key (`pk`) is not
 * sent (it would name the caller's counter).
 *
 * @example
 * rateLimitPolicy('orders__create_order:request', parseRate('30/m')).policyField;
 * // '"orders__create_order:request";q=30;w=60'
 */
export function rateLimitPolicy(name: string, rate: Rate): RateLimitPolicy {
  const quoted = structuredString(name);
  return {
    limit: rate.limit,
    ttlMs: rate.ttlMs,
    source: rate.source,
    name,
    policyField: `${quoted};q=${rate.limit};w=${Math.ceil(rate.ttlMs / 1000)}`,
    remainingPrefix: `${quoted};r=`,
    limitText: String(rate.limit),
  };
}
