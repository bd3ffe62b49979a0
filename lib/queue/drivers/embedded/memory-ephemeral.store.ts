import type { EphemeralStore } from '../../ephemeral-store';

/** Single-use values kept before expired ones are swept on the next write. */
const SWEEP_ABOVE = 1024;

/** The embedded driver's short-lived values, in this process's memory. */
export class MemoryEphemeralStore implements EphemeralStore {
  private readonly once = new Map<string, { value: string; expires: number }>();
  private readonly slots = new Map<string, number>();

  async putOnce(key: string, value: string, ttlMs: number): Promise<void> {
    const now = Date.now();
    if (this.once.size >= SWEEP_ABOVE) {
      for (const [k, item] of this.once) if (item.expires <= now) this.once.delete(k);
    }
    this.once.set(key, { value, expires: now + ttlMs });
  }

  async takeOnce(key: string): Promise<string | null> {
    const item = this.once.get(key);
    this.once.delete(key);
    return item && item.expires > Date.now() ? item.value : null;
  }

  async acquireSlot(key: string, limit: number): Promise<boolean> {
    const used = this.slots.get(key) ?? 0;
    if (used >= limit) return false;
    this.slots.set(key, used + 1);
    return true;
  }

  async releaseSlot(key: string): Promise<void> {
    const used = (this.slots.get(key) ?? 0) - 1;
    if (used > 0) this.slots.set(key, used);
    else this.slots.delete(key);
  }
}
