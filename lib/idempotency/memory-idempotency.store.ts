import type {
  IdempotencyClaim,
  IdempotencyOutcome,
  IdempotencyStore,
} from '../interfaces/idempotency-store.interface';

interface Entry {
  key: string;
  /** What it counts against `maxBytes`. */
  bytes: number;
  fingerprint: string;
  /** The request holding the key; null once its answer is kept. */
  token: string | null;
  outcome: IdempotencyOutcome | null;
  expiresAt: number;
}

/**
 * The `expiresAt` of an entry out of the map: only `remove` takes one out, and a key is claimed
 * again only once its entry has gone, so no entry of the order outlives its place in the map
 * without this mark.
 */
const REMOVED = 0;
/** Expired entries removed at most per claim, so expired keys go without a timer or a full scan. */
const SWEEP_PER_CLAIM = 4;
/** Swept slots the claim order keeps before it drops them (in one copy, so O(1) per claim). */
const COMPACT_AFTER = 1024;
/**
 * What a key costs besides its text: its entry, its kept answer's record, its map and order slots
 * and the strings' own headers (about 480 bytes measured on Node 20, rounded up).
 */
const ENTRY_BYTES = 500;
/** The default bound, `idempotency.memoryMaxMegabytes` 64. */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** `onForget` is called at most this often. */
const FORGET_NOTICE_MS = 60_000;

/** How a `MemoryIdempotencyStore` is bounded. */
export interface MemoryIdempotencyStoreOptions {
  /**
   * What keys, fingerprints and kept answers may take, in bytes (their text, and 500 bytes a key
   * for its records). Beyond it the oldest answers are forgotten first: a retry of one runs again.
   * A key whose request still runs is never forgotten. Default 64 MiB.
   */
  maxBytes?: number;
  /** Told how many answers were forgotten before their ttl, at most once a minute. */
  onForget?: (count: number) => void;
  /** The clock, in ms. Default `Date.now`. */
  now?: () => number;
}

/**
 * Idempotency keys in this process's memory (the default): right for one instance, lost on
 * restart, bounded by `maxBytes`. Each call runs to its end without awaiting, so it is atomic on
 * its key.
 *
 * @example
 * new MemoryIdempotencyStore({ maxBytes: 16 * 1024 * 1024, onForget: (n) => console.warn(n) });
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  /**
   * Every entry in the order it was claimed, from `head` on. Sweeping walks it, not the map: a map
   * iterator starts at the map's first slot and steps over every deleted one, which under steady
   * expiry is most of them. A slot is emptied as soon as its entry has gone, so that nothing keeps
   * the entry alive.
   */
  private order: (Entry | undefined)[] = [];
  private head = 0;
  /** Where forgetting resumes: every entry before it is gone, or was running when passed. */
  private forgetFrom = 0;
  private heldBytes = 0;
  private unreported = 0;
  private reportedAt = -Infinity;
  private readonly maxBytes: number;
  private readonly onForget?: (count: number) => void;
  private readonly now: () => number;

  constructor(options: MemoryIdempotencyStoreOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.onForget = options.onForget;
    this.now = options.now ?? Date.now;
  }

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
      const claimed: Entry = {
        key,
        bytes: ENTRY_BYTES + key.length + fingerprint.length,
        fingerprint,
        token,
        outcome: null,
        expiresAt: now + lockTtlMs,
      };
      this.entries.set(key, claimed);
      this.order.push(claimed);
      this.heldBytes += claimed.bytes;
      if (this.heldBytes > this.maxBytes) this.forget(now);
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
      entry.bytes += outcome.body.length;
      this.heldBytes += outcome.body.length;
      if (this.heldBytes > this.maxBytes) this.forget(now);
    }
    return Promise.resolve(entry !== undefined);
  }

  release(key: string, token: string): Promise<void> {
    const entry = this.held(key, token, this.now());
    if (entry) this.remove(entry);
    return Promise.resolve();
  }

  /** How many keys are held or answered (expired ones may still count until swept). */
  get size(): number {
    return this.entries.size;
  }

  /** What the keys held count against `maxBytes`. */
  get bytes(): number {
    return this.heldBytes;
  }

  private held(key: string, token: string, now: number): Entry | undefined {
    const entry = this.live(key, now);
    return entry && entry.token === token ? entry : undefined;
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now) {
      this.remove(entry);
      return undefined;
    }
    return entry;
  }

  /** Out of the map, and marked so that the sweep and forgetting pass it without a lookup. */
  private remove(entry: Entry): void {
    this.entries.delete(entry.key);
    this.heldBytes -= entry.bytes;
    entry.expiresAt = REMOVED;
  }

  /**
   * Entries expire about in the order they were claimed (an answer its ttl after its run: for
   * APIs of one ttl, within a run's time). Removes expired entries (freed ones count as expired)
   * from the front of that order, and stops at the first live one, so a claim costs O(1); an
   * entry kept behind a longer-lived one goes when it is next asked for, or once that one has gone.
   */
  private sweep(now: number): void {
    const { order } = this;
    let removed = 0;
    while (this.head < order.length) {
      const entry = order[this.head];
      if (entry) {
        if (entry.expiresAt > now) break;
        // Still the map's (not freed, nor forgotten): remove it.
        if (entry.expiresAt !== REMOVED) {
          if (++removed > SWEEP_PER_CLAIM) break;
          this.remove(entry);
        }
      }
      order[this.head++] = undefined;
    }
    if (this.head >= COMPACT_AFTER && this.head * 2 >= order.length) {
      this.order = order.slice(this.head);
      this.forgetFrom = Math.max(0, this.forgetFrom - this.head);
      this.head = 0;
    }
  }

  /** Over `maxBytes`: forgets the oldest answers until it is not (keys in use stay). */
  private forget(now: number): void {
    const { order } = this;
    let at = Math.max(this.forgetFrom, this.head);
    let forgotten = 0;
    for (; this.heldBytes > this.maxBytes && at < order.length; at++) {
      const entry = order[at];
      if (entry?.token === null && entry.expiresAt !== REMOVED) {
        this.remove(entry);
        order[at] = undefined;
        forgotten++;
      }
    }
    this.forgetFrom = at;
    this.unreported += forgotten;
    if (this.unreported > 0 && this.onForget && now - this.reportedAt >= FORGET_NOTICE_MS) {
      this.onForget(this.unreported);
      this.unreported = 0;
      this.reportedAt = now;
    }
  }
}
