/**
 * How the client retries a call to an API that honours an `Idempotency-Key` (each retry with
 * the call's key, so the app runs it at most once): after a network failure or timeout, a 409
 * `IDEMPOTENCY_KEY_IN_USE`, or a 503 with `Retry-After`. Calls to other APIs are never retried.
 *
 * @example
 * createMindoffClient({ baseUrl, retry: { attempts: 5, backoffMs: (attempt) => 100 * 2 ** attempt } });
 */
export interface RetryPolicy {
  /** Tries in all, the first included. Default 3; 1 means no retry. */
  attempts?: number;
  /**
   * The wait before retry number `attempt` (1, 2, …) after a network failure, in ms (an answer's
   * `Retry-After` wins). A number is doubled at each retry. Default 200.
   */
  backoffMs?: number | ((attempt: number) => number);
  /** The longest wait a `Retry-After` may ask for before the client gives up on it, in ms. Default 30 000. */
  maxWaitMs?: number;
}

/** A retry policy with every default applied. */
export interface ResolvedRetryPolicy {
  attempts: number;
  backoffMs: (attempt: number) => number;
  maxWaitMs: number;
}

/** `policy` with its defaults, `false` meaning one try only. */
export function resolveRetryPolicy(policy: RetryPolicy | false | undefined): ResolvedRetryPolicy {
  if (policy === false) return { attempts: 1, backoffMs: () => 0, maxWaitMs: 0 };
  const backoff = policy?.backoffMs ?? 200;
  return {
    attempts: Math.max(1, Math.floor(policy?.attempts ?? 3)),
    backoffMs: typeof backoff === 'function' ? backoff : (attempt) => backoff * 2 ** (attempt - 1),
    maxWaitMs: policy?.maxWaitMs ?? 30_000,
  };
}
