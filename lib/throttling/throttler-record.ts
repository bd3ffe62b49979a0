import type { ThrottlerStorage } from '@nestjs/throttler';

/** The record `ThrottlerStorage.increment` resolves to (the package does not export its name). */
export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Builds the record @nestjs/throttler expects from one fixed-window counter.
 *
 * A request is blocked while the window's count exceeds `limit` or while an explicit block
 * (from `blockDuration`) is still running; `timeToBlockExpire` is the longer of the two, in
 * whole seconds rounded up. Millisecond inputs are the time left, measured by the caller.
 */
export function toThrottlerRecord(
  totalHits: number,
  limit: number,
  windowMsLeft: number,
  blockMsLeft: number,
): ThrottlerStorageRecord {
  const windowLeft = Math.max(0, windowMsLeft);
  const blockLeft = Math.max(0, blockMsLeft);
  const overLimit = totalHits > limit;
  const isBlocked = overLimit || blockLeft > 0;
  return {
    totalHits,
    timeToExpire: Math.ceil(windowLeft / 1000),
    isBlocked,
    timeToBlockExpire: isBlocked
      ? Math.ceil(Math.max(blockLeft, overLimit ? windowLeft : 0) / 1000)
      : 0,
  };
}
