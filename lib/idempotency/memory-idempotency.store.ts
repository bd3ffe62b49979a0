import type {
  IdempotencyClaim,
  IdempotencyOutcome,
  IdempotencyStore,
} from '../interfaces/idempotency-store.interface';

interface Entry {
  key: string;
  fingerprint: string;
  /** The request holding the key; null once its answer is kept. */
  token: string | null;
  outcome: IdempotencyOutcome | null;
  expiresAt: number;
}

/** Expired entries removed at most per claim, so expired keys go without a timer or a full scan. */
const SWEEP_PER_CLAIM = 4;
/** Swept slots the claim order keeps before it drops them (in one copy, so O(1) per claim). */
const COMPACT_AFTER = 1024;

/**
 * Idempotency keys in this process's memory (the default): right for one instance, lost on
 * restart. Each call runs to its end without awaiting, so it is atomic on its key.
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  /**
   * Every entry in the order it was claimed, from `head` on. Sweeping walks it, not the map: a map
   * iterator starts at the map's first slot and steps over every deleted one, which under steady
   * expiry is most of them.
   */
  private order: Entry[] = [];
  private head = 0;

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
      const claimed: Entry = { key, fingerprint, token, outcome: null, expiresAt: now + lockTtlMs };
      this.entries.set(key, claimed);
      this.order.push(claimed);
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
      entry.token = null;
      entry.outcome = outcome;
      entry.expiresAt = now + ttlMs;
    }
    return Promise.resolve(entry !== undefined);
  }

  release(key: string, token: string): Promise<void> {
    const entry = this.held(key, token, this.now());
    if (entry) {
      this.entries.delete(key);
      entry.expiresAt = 0; // the sweep passes it
    }
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
   * Entries expire about in the order they were claimed (an answer its ttl after its run: for
   * APIs of one ttl, within a run's time). Removes expired entries (freed ones count as expired) from the
   * front of that order, and stops at the first live one, so a claim costs O(1); an
   * entry kept behind a longer-lived one goes when it is next asked for, or once that one has gone.
   */
  private sweep(now: number): void {
    const { order } = this;
    let removed = 0;
    while (this.head < order.length) {
      const entry = order[this.head];
      if (entry.expiresAt > now) break;
      // Still the map's (not freed, nor claimed again since): remove it.
      if (this.entries.get(entry.key) === entry) {
        if (++removed > SWEEP_PER_CLAIM) break;
        this.entries.delete(entry.key);
      }
      this.head++;
    }
    if (this.head >= COMPACT_AFTER && this.head * 2 >= order.length) {
      this.order = order.slice(this.head);
      this.head = 0;
    }
  }
}
