/** A claimed key whose lock is renewed while its request runs. */
export interface RenewedKey {
  /** Where `KeyRenewal` holds the key while it is tracked, -1 otherwise (its bookkeeping, not the key's). */
  renewalSlot: number;
  /** Extends the lock (called every `lockTtl / 3` while the key is tracked). */
  renew(): void;
}

/**
 * One timer for every key this process holds: each tracked key's lock is renewed every
 * `lockTtl / 3`, so a lock outlasts a long `run()` and frees `lockTtl` after the process dies.
 * A request adds nothing to the timer list: it takes a slot of an array and gives it back (the
 * last key moves into it), without hashing. The timer is unref'd and starts with the first key.
 */
export class KeyRenewal {
  private readonly keys: RenewedKey[] = [];
  private timer?: NodeJS.Timeout;

  constructor(private readonly lockTtlMs: number) {}

  /** Renews `key` from now on, until `untrack`. */
  track(key: RenewedKey): void {
    key.renewalSlot = this.keys.push(key) - 1;
    if (!this.timer) {
      this.timer = setInterval(
        () => this.keys.forEach((held) => held.renew()),
        Math.max(1, Math.floor(this.lockTtlMs / 3)),
      );
      this.timer.unref();
    }
  }

  untrack(key: RenewedKey): void {
    const slot = key.renewalSlot;
    if (slot < 0 || this.keys[slot] !== key) return;
    const last = this.keys.pop() as RenewedKey;
    if (last !== key) {
      this.keys[slot] = last;
      last.renewalSlot = slot;
    }
    key.renewalSlot = -1;
  }

  /** How many keys are tracked. */
  get size(): number {
    return this.keys.length;
  }

  /** Stops the timer (the module is shutting down). */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
