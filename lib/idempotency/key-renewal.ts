/** A claimed key whose lock is renewed while its request runs. */
export interface RenewedKey {
  /** A number no other key of this process has (keys are tracked by it, not by identity). */
  readonly id: number;
  /** Extends the lock (called every `lockTtl / 3` while the key is tracked). */
  renew(): void;
}

/**
 * One timer for every key this process holds: each tracked key's lock is renewed every
 * `lockTtl / 3`, so a lock outlasts a long `run()` and frees `lockTtl` after the process dies.
 * A request adds nothing to the timer list: it joins and leaves a map. The timer is unref'd and
 * starts with the first key.
 */
export class KeyRenewal {
  private readonly keys = new Map<number, RenewedKey>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly lockTtlMs: number) {}

  /** Renews `key` from now on, until `untrack`. */
  track(key: RenewedKey): void {
    this.keys.set(key.id, key);
    if (!this.timer) {
      this.timer = setInterval(
        () => this.keys.forEach((held) => held.renew()),
        Math.max(1, Math.floor(this.lockTtlMs / 3)),
      );
      this.timer.unref();
    }
  }

  untrack(key: RenewedKey): void {
    this.keys.delete(key.id);
  }

  /** Stops the timer (the module is shutting down). */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
