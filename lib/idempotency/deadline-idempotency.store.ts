import { withDeadline } from '../deadline';
import type {
  IdempotencyClaim,
  IdempotencyOutcome,
  IdempotencyStore,
} from '../interfaces/idempotency-store.interface';

/** Thrown when a store call did not answer within its deadline. */
export class IdempotencyStoreTimeoutError extends Error {
  constructor(ms: number) {
    super(`the idempotency store did not answer within ${ms} ms`);
    this.name = 'IdempotencyStoreTimeoutError';
  }
}

/**
 * The app's own store with every call bounded by `timeoutMs` (`idempotency.store.commandTimeoutMs`
 * has no client to set it on), so a stuck store becomes a 503, never a hanging request.
 */
export class DeadlineIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly timeoutMs: number,
  ) {}

  claim(
    key: string,
    fingerprint: string,
    token: string,
    lockTtlMs: number,
  ): Promise<IdempotencyClaim> {
    return this.bounded(() => this.store.claim(key, fingerprint, token, lockTtlMs));
  }

  renew(key: string, token: string, lockTtlMs: number): Promise<boolean> {
    return this.bounded(() => this.store.renew(key, token, lockTtlMs));
  }

  complete(
    key: string,
    token: string,
    outcome: IdempotencyOutcome,
    ttlMs: number,
  ): Promise<boolean> {
    return this.bounded(() => this.store.complete(key, token, outcome, ttlMs));
  }

  release(key: string, token: string): Promise<void> {
    return this.bounded(() => this.store.release(key, token));
  }

  private bounded<T>(call: () => Promise<T>): Promise<T> {
    return withDeadline(
      call,
      this.timeoutMs,
      () => new IdempotencyStoreTimeoutError(this.timeoutMs),
    );
  }
}
