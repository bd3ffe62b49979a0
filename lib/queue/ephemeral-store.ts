/**
 * Short-lived values of the task endpoints, kept where the queue keeps its tasks (this process's
 * memory on the embedded driver, the queue's Redis on BullMQ, so every instance agrees):
 * single-use values with a lifetime (stream tickets) and counted slots (concurrent status streams
 * per owner). Every method may reject when the broker cannot be reached.
 */
export interface EphemeralStore {
  /** Keeps `value` under `key` for `ttlMs`, to be taken once. */
  putOnce(key: string, value: string, ttlMs: number): Promise<void>;
  /** The value under `key`, removed in the same step; null when absent or expired. */
  takeOnce(key: string): Promise<string | null>;
  /** Takes one of `limit` slots of `key`: check-then-increment, never leaking on denial. */
  acquireSlot(key: string, limit: number): Promise<boolean>;
  /** Gives a slot of `key` back. */
  releaseSlot(key: string): Promise<void>;
}
