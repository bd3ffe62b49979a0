import type { IncomingMessage } from 'node:http';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import type { Rate } from '../interfaces/rate.interface';
import type { RateLimiter } from '../throttling/rate-limiter';

/** Group (and throttler name) of the failed-authentication counters in the rate-limit store. */
const GROUP = 'mindoff_auth_failures';
/** Expired blocks dropped per new block, oldest first, so the map holds about the live blocks. */
const SWEEP_PER_BLOCK = 4;

/**
 * Counts failed authentications per client address (`rateLimit.failedAuth`, default `'10/m'`)
 * so credentials cannot be guessed at full speed: once an address has failed `limit` times in a
 * window it is blocked for one window, and its requests with credentials are refused
 * `API_RATE_LIMITED` (429 + `Retry-After`) before the credentials are checked.
 *
 * `ThrottlerStorage` can only count, not read, so checking a shared block on every request would
 * count the check itself. Instead the store is written only on a failure (one `increment` with
 * `blockDuration`, which marks the block), and its answer tells this process that the address is
 * blocked and until when; the check before authenticating reads that from memory. Another
 * process of the app learns of the block at the first failure it sees from that address and
 * answers it 429 too, so each extra process can let one more guess through per block. Checks
 * already under way when a block starts still finish, so a burst of parallel guesses can pass
 * the limit by its own size, once per block.
 */
export class FailedAuthLimiter {
  /** Client tracker → end of its block (epoch ms), oldest first. */
  private readonly blocks = new Map<string, number>();

  constructor(
    private readonly limiter: RateLimiter,
    private readonly rate: Rate | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Addresses this process remembers as blocked, expired ones not yet dropped included. */
  get blockedCount(): number {
    return this.blocks.size;
  }

  /**
   * Before the credentials are checked: refuses a blocked address (429), and while the store
   * is down under `'fail-closed'`, every address (503), since failures cannot be counted then.
   */
  async admit(raw: IncomingMessage): Promise<void> {
    if (this.rate === null) return;
    const tracker = this.limiter.tracker(null, raw);
    const until = this.blocks.get(tracker);
    if (until !== undefined) {
      if (until > this.now()) throw this.refusal(this.rate, until);
      this.blocks.delete(tracker);
    }
    await this.limiter.checkStore();
  }

  /**
   * After every strategy refused the credentials: counts the failure. Throws 429 instead of the
   * caller's 401 when the address was already blocked (learnt here from the store), and 503
   * when the store is down under `'fail-closed'`.
   */
  async failed(raw: IncomingMessage): Promise<void> {
    if (this.rate === null) return;
    const { limit, ttlMs } = this.rate;
    const tracker = this.limiter.tracker(null, raw);
    // A storage blocks once its count exceeds the limit it is given; limit - 1 makes the
    // limit-th failure start the block, so the attempt after it is refused unchecked.
    const record = await this.limiter.count(`${GROUP}:${tracker}`, ttlMs, limit - 1, ttlMs, GROUP);
    if (record === null || !record.isBlocked) return;
    const until = this.now() + Math.max(1, record.timeToBlockExpire) * 1000;
    this.block(tracker, until);
    if (record.totalHits !== limit) throw this.refusal(this.rate, until);
  }

  private block(tracker: string, until: number): void {
    this.blocks.delete(tracker);
    this.blocks.set(tracker, until);
    let swept = 0;
    for (const [oldest, end] of this.blocks) {
      if (swept === SWEEP_PER_BLOCK || end > this.now()) break;
      this.blocks.delete(oldest);
      swept += 1;
    }
  }

  private refusal(rate: Rate, until: number): MindoffHttpError {
    const retryAfter = Math.max(1, Math.ceil((until - this.now()) / 1000));
    return new MindoffHttpError(
      'API_RATE_LIMITED',
      { limit: rate.source, retry_after_seconds: retryAfter },
      { 'Retry-After': String(retryAfter) },
    );
  }
}
