import { Logger } from '@nestjs/common';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import type { RateLimitStorePolicy } from '../interfaces/mindoff-module-options.interface';
import { rateLimitStoreBack, rateLimitStoreDown } from '../mindoff.messages';

/**
 * How long the store must go without a failed call before an outage counts as over. A Cluster
 * with some slots down answers some keys and fails others: without this quiet time every other
 * request would log "cannot be reached" and "answers again".
 */
export const STORE_OUTAGE_QUIET_MS = 10_000;

/**
 * The rate-limit store's health as the requests see it, and `rateLimit.onStoreError` applied:
 * an outage starts at the first failed call and ends at the first call that succeeds
 * {@link STORE_OUTAGE_QUIET_MS} after the last failure, each logged once (never once per
 * request, nor per request while only some keys fail). During an outage a request that needs the store is refused
 * `RATE_LIMIT_UNAVAILABLE` (503, `'fail-closed'`) or let through unlimited (`'fail-open'`).
 */
export class StoreOutage {
  private down = false;
  private failing = false;
  private lastFailure = 0;

  constructor(
    private readonly policy: RateLimitStorePolicy,
    private readonly logger: Pick<Logger, 'warn' | 'log'> = new Logger('Mindoff'),
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the last call to the store failed. */
  get active(): boolean {
    return this.failing;
  }

  /** Whether requests go on without limits while the store is down. */
  get failsOpen(): boolean {
    return this.policy === 'fail-open';
  }

  /** A call succeeded: ends a running outage once no call failed for the quiet time. */
  answered(): void {
    this.failing = false;
    if (!this.down || this.now() - this.lastFailure < STORE_OUTAGE_QUIET_MS) return;
    this.down = false;
    this.logger.log(rateLimitStoreBack());
  }

  /** A call failed: starts an outage, then refuses the request unless the policy fails open. */
  failed(error: unknown): void {
    this.failing = true;
    this.lastFailure = this.now();
    if (!this.down) {
      this.down = true;
      this.logger.warn(rateLimitStoreDown(this.failsOpen, reason(error)));
    }
    if (!this.failsOpen) throw new MindoffHttpError('RATE_LIMIT_UNAVAILABLE');
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
