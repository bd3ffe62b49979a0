import type {
  IdempotencyClaim,
  IdempotencyOutcome,
  IdempotencyStore,
} from '../interfaces/idempotency-store.interface';

interface Entry {
  fingerprint: string;
  /** The request holding the key; null once its answer is kept. */
  token: string | null;
  outcome: IdempotencyOutcome | null;
  expiresAt: number;
}

/** Expired entries removed at most per claim, so expired keys go without a timer or a full scan. */
const SWEEP_PER_CLAIM = 4;

/**
 * Idempotency keys in this process's memory (the default): right for one instance, lost on
 * restart. Each call runs to its end without awaiting, so it is atomic on its key.
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  claim(
    key: string,
    fingerprint: string,
    token: string,
    lockTtlMs: number,
  ): Promise<IdempotencyClaim> {
    const now = this.now();
    this.sweep(now);
    const entry = this.live(key, now);
    if (!entry) {
      this.entries.set(key, { fingerprint, token, outcome: null, expiresAt: now + lockTtlMs });
      return Promise.resolve({ state: 'claimed' });
    }
    return Promise.resolve(
      entry.outcome
        ? { state: 'done', fingerprint: entry.fingerprint, outcome: entry.outcome }
        : { state: 'running', fingerprint: entry.fingerprint, retryAfterMs: entry.expiresAt - now },
    );
  }

  renew(key: string, token: string, lockTtlMs: number): Promise<boolean> {
    const now = this.now();
    const entry = this.held(key, token, now);
    if (entry) entry.expiresAt = now + lockTtlMs;
    return Promise.resolve(entry !== undefined);
  }

  complete(
    key: string,
    token: string,
    outcome: IdempotencyOutcome,
    ttlMs: number,
  ): Promise<boolean> {
    const now = this.now();
    const entry = this.held(key, token, now);
    if (entry) {
      Object.assign(entry, { token: null, outcome, expiresAt: now + ttlMs });
      // To the end of the map, with the answers that expire about when it does.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return Promise.resolve(entry !== undefined);
  }

  release(key: string, token: string): Promise<void> {
    if (this.held(key, token, this.now())) this.entries.delete(key);
    return Promise.resolve();
  }

  /** How many keys are held or answered (expired ones may still count until swept). */
  get size(): number {
    return this.entries.size;
  }

  private held(key: string, token: string, now: number): Entry | undefined {
    const entry = this.live(key, now);
    return entry && entry.token === token ? entry : undefined;
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /**
   * Map order is insertion order, and an answered key moves to the end when it is answered: the
   * oldest entries expire first (for APIs of one ttl exactly, otherwise nearly). Removes expired
   * entries from the front and stops at the first live one, so a claim costs O(1); an entry kept
   * behind a longer-lived one goes when it is next asked for, or once that one has gone.
   */
  private sweep(now: number): void {
    let removed = 0;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now || ++removed > SWEEP_PER_CLAIM) break;
      this.entries.delete(key);
    }
  }
}
