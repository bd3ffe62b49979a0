/** Where an answer leaves its caller under the API's rate limit, read from its rate-limit fields. */
export interface RateLimitState {
  /** The policy's name (`<urlName>:<rule>`); absent under the draft -06 fields, which carry none. */
  policy?: string;
  /** Requests allowed per window. */
  limit: number;
  /** Requests left in this window. */
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
  /** The window, in seconds; absent under the draft -06 fields. */
  windowSeconds?: number;
}

const QUOTED = /^\s*"((?:[^"\\]|\\.)*)"/;

/** The `name=<integer>` parameters of one structured-field item (RFC 9651), e.g. `;q=30;w=60`. */
function integerParameters(field: string): Map<string, number> {
  const parameters = new Map<string, number>();
  for (const match of field.matchAll(/;\s*([a-z*][a-z0-9_.*-]*)=(-?\d{1,15})(?=\s*(?:;|,|$))/g)) {
    parameters.set(match[1]!, Number(match[2]));
  }
  return parameters;
}

/**
 * The rate-limit state an answer's headers tell, whichever fields the app sends (`rateLimit.headers`):
 * `RateLimit-Policy` + `RateLimit` (draft-ietf-httpapi-ratelimit-headers -08+, the default) or
 * `RateLimit-Limit`, `-Remaining`, `-Reset` (draft -06); null when the answer carries none.
 *
 * @example
 * const result = await client.call('orders__create_order', { version: 1, payload });
 * rateLimitOf(result.headers); // { policy: 'orders__create_order:request', limit: 30, remaining: 29, resetSeconds: 60, windowSeconds: 60 }
 */
export function rateLimitOf(headers: Headers): RateLimitState | null {
  const current = headers.get('ratelimit');
  const policy = headers.get('ratelimit-policy');
  if (current !== null && policy !== null) {
    const name = QUOTED.exec(current)?.[1];
    // The policy list may name several policies: take the one RateLimit speaks of.
    const ownPolicy =
      policy.split(',').find((item) => QUOTED.exec(item)?.[1] === name) ?? policy.split(',')[0]!;
    const left = integerParameters(current);
    const quota = integerParameters(ownPolicy);
    const [limit, remaining, reset] = [quota.get('q'), left.get('r'), left.get('t')];
    if (name === undefined || limit === undefined || remaining === undefined) return null;
    const window = quota.get('w');
    return {
      policy: name.replace(/\\(.)/g, '$1'),
      limit,
      remaining,
      resetSeconds: reset ?? window ?? 0,
      ...(window === undefined ? {} : { windowSeconds: window }),
    };
  }
  const [limit, remaining, reset] = ['limit', 'remaining', 'reset'].map((part) =>
    Number(headers.get(`ratelimit-${part}`) ?? Number.NaN),
  );
  if (!Number.isInteger(limit) || !Number.isInteger(remaining)) return null;
  return {
    limit: limit!,
    remaining: remaining!,
    resetSeconds: Number.isInteger(reset) ? reset! : 0,
  };
}
