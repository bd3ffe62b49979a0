import { Logger } from '@nestjs/common';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import type { RateLimitStorePolicy } from '../interfaces/mindoff-module-options.interface';
import { rateLimitStoreBack, rateLimitStoreDown } from '../mindoff.messages';

/**
 * The rate-limit store's health as the requests see it, and `rateLimit.onStoreError` applied:
 * an outage starts at the first failed call and ends at the next call that succeeds, each logged
 * once (never once per request), naming the request that met it. During an outage a request that needs the store is refused
 * `RATE_LIMIT_UNAVAILABLE` (503, `'fail-closed'`) or let through unlimited (`'fail-open'`).
 */
export class StoreOutage {
  private down = false;

  constructor(
    private readonly policy: RateLimitStorePolicy,
    private readonly logger: Pick<Logger, 'warn' | 'log'> = new Logger('Mindoff'),
  ) {}

  /** Whether the last call to the store failed. */
  get active(): boolean {
    return this.down;
  }

  /** Whether requests go on without limits while the store is down. */
  get failsOpen(): boolean {
    return this.policy === 'fail-open';
  }

  /** A call succeeded: ends a running outage. */
  answered(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.log(rateLimitStoreBack());
  }

  /** A call failed: starts an outage, then refuses the request unless the policy fails open. */
  failed(error: unknown): void {
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
