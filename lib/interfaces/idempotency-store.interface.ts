/** An answer kept for replay: what the client got, byte for byte, without per-request headers. */
export interface IdempotencyOutcome {
  /** The HTTP status. */
  status: number;
  /** The body as sent: the envelope's JSON text (or a text or html answer). */
  body: string;
  /** Whether the framework was handed the envelope as an object (the body is its JSON text). */
  object: boolean;
  /** The `Content-Type` that was sent. */
  contentType: string;
}

/**
 * What `claim` found: the key is now the caller's (`claimed`), another request holds it
 * (`running`, with how long its lock may still last), or its answer is kept (`done`). The
 * fingerprint says which request the key was first used with.
 */
export type IdempotencyClaim =
  | { state: 'claimed' }
  | { state: 'running'; fingerprint: string; retryAfterMs: number }
  | { state: 'done'; fingerprint: string; outcome: IdempotencyOutcome };

/**
 * Where idempotency keys live. Every call is atomic on its key; `token` names the request that
 * claimed it, so a request whose lock expired can never overwrite or free a newer claim.
 * `complete` and `release` are not awaited before the answer goes out: they must take effect in
 * the order they are called with this process's later calls (issue the write before returning,
 * as a client with one connection does).
 *
 * @example
 * const claim = await store.claim(key, fingerprint, token, 30_000);
 * if (claim.state === 'claimed') await store.complete(key, token, outcome, 86_400_000);
 */
export interface IdempotencyStore {
  /** Claims `key` for `lockTtlMs` if it is free (or its lock or answer expired). */
  claim(
    key: string,
    fingerprint: string,
    token: string,
    lockTtlMs: number,
  ): Promise<IdempotencyClaim>;
  /** Extends a claim still held by `token`; false when it was lost. */
  renew(key: string, token: string, lockTtlMs: number): Promise<boolean>;
  /** Keeps `outcome` for `ttlMs` in place of the claim held by `token`; false when it was lost. */
  complete(
    key: string,
    token: string,
    outcome: IdempotencyOutcome,
    ttlMs: number,
  ): Promise<boolean>;
  /** Frees the key if `token` still holds it unanswered (a retry then runs again). */
  release(key: string, token: string): Promise<void>;
}
