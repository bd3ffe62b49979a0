import { HttpException, type HttpServer, type Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import { toEnvelopeError } from '../errors/to-envelope-error';
import type {
  IdempotencyClaim,
  IdempotencyOutcome,
  IdempotencyStore,
} from '../interfaces/idempotency-store.interface';
import { MindoffValidationError, type ResponseCatalog } from '../responses';
import { idempotencyLockLost, idempotencyStoreFailed } from './idempotency.messages';
import type { KeyRenewal, RenewedKey } from './key-renewal';
import { ReplayedAnswer } from './replayed-answer';

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** How long a client is told to wait before retrying a key in use or a store outage, in seconds. */
const RETRY_AFTER_SECONDS = '1';

/** When a kept answer (or a freed key) that the store refused is written again, in ms after the last try. */
const SETTLE_RETRY_MS = [100, 400, 1600] as const;

/** What the route handler carries out for a request (a direct run, or an enqueue). */
export interface RouteAction {
  execute(api: unknown): Promise<unknown>;
}

/** What a key needs to know of its request. */
export interface HeldKeyRequest {
  store: IdempotencyStore;
  renewal: KeyRenewal;
  key: string;
  fingerprint: string;
  token: string;
  ttlMs: number;
  lockTtlMs: number;
  adapter: HttpServer;
  response: unknown;
  rawResponse: ServerResponse;
  catalog: ResponseCatalog;
  requestId: string;
  logger: Logger;
}

/**
 * The key of a request the pipeline let through. It is claimed when the request's action runs
 * (so a request an enhancer stops after the guard never holds it), and then either answers the
 * kept answer again, refuses (in use, reused for another request, store unreachable), or runs the
 * action under the key: its lock renewed while it runs (so it outlasts a long `run()` but frees
 * `lockTtl` after the process dies), its answer then kept for the ttl, or the key freed when
 * `run()` failed (a thrown error or a 5xx), so a retry runs again.
 */
export class HeldKey implements RenewedKey {
  renewalSlot = -1;
  /** Set once the answer is kept or the key freed: a renewal in flight then finds no lock, rightly. */
  private settled = false;

  constructor(private readonly held: HeldKeyRequest) {}

  /** `action`, carried out under this key once it is claimed. */
  around(action: RouteAction): RouteAction {
    return { execute: (api: unknown) => this.execute(action, api) };
  }

  renew(): void {
    const { store, key, token, lockTtlMs, logger } = this.held;
    store.renew(key, token, lockTtlMs).then(
      (kept) => (kept || this.settled ? undefined : logger.warn(idempotencyLockLost())),
      () => undefined,
    );
  }

  private async execute(action: RouteAction, api: unknown): Promise<unknown> {
    const { store, key, fingerprint, token, lockTtlMs, renewal } = this.held;
    let claim: IdempotencyClaim;
    try {
      claim = await store.claim(key, fingerprint, token, lockTtlMs);
    } catch {
      throw new MindoffHttpError('IDEMPOTENCY_UNAVAILABLE', [], {
        'Retry-After': RETRY_AFTER_SECONDS,
      });
    }
    if (claim.state !== 'claimed') {
      if (claim.fingerprint !== fingerprint) throw new MindoffHttpError('IDEMPOTENCY_KEY_REUSED');
      if (claim.state === 'running') {
        throw new MindoffHttpError('IDEMPOTENCY_KEY_IN_USE', [], {
          'Retry-After': RETRY_AFTER_SECONDS,
        });
      }
      return new ReplayedAnswer(claim.outcome, this.held.adapter, this.held.response).execute();
    }
    renewal.track(this);
    let body: unknown;
    try {
      body = await action.execute(api);
    } catch (error) {
      this.settle(this.thrownOutcome(error));
      throw error;
    }
    this.settle(this.answeredOutcome(body));
    return body;
  }

  /** The answer as it goes out: a 2xx-4xx envelope, text or html; null (not kept) for the rest. */
  private answeredOutcome(body: unknown): IdempotencyOutcome | null {
    const status = this.held.rawResponse.statusCode;
    if (status >= 500) return null;
    if (typeof body === 'string') {
      const type = (this.held.response as { getHeader?(name: string): unknown }).getHeader?.(
        'content-type',
      );
      return { status, body, object: false, contentType: String(type ?? JSON_CONTENT_TYPE) };
    }
    // A file (a stream) cannot be kept: a repeat of it runs again.
    if (
      body === null ||
      typeof body !== 'object' ||
      Object.getPrototypeOf(body) !== Object.prototype
    ) {
      return null;
    }
    return { status, body: JSON.stringify(body), object: true, contentType: JSON_CONTENT_TYPE };
  }

  /** A refusal `run()` threw on purpose (an app code under 500) is an answer; anything else frees the key. */
  private thrownOutcome(error: unknown): IdempotencyOutcome | null {
    const known =
      error instanceof MindoffHttpError ||
      error instanceof MindoffValidationError ||
      error instanceof HttpException;
    if (!known) return null;
    const { code, category, data } = toEnvelopeError(error, this.held.requestId);
    // An unknown code goes out as UNEXPECTED_ERR (500): not an answer to keep.
    if (!this.held.catalog.isKnown(code)) return null;
    const { httpStatus, body } = this.held.catalog.envelope(code, category, data);
    if (httpStatus >= 500) return null;
    return {
      status: httpStatus,
      body: JSON.stringify(body),
      object: true,
      contentType: JSON_CONTENT_TYPE,
    };
  }

  /**
   * Keeps the answer (or frees the key) without holding the answer back for the store's reply: the
   * write is issued before the answer goes out, on the store's one connection, so a repeat through
   * this process always finds it; a repeat through another instance that overtakes it by the
   * store's latency gets 409 with `Retry-After`, then the replay. The request waits for one round
   * trip to the store (its claim), not two. A write the store refuses (a broker blip) is tried
   * again after 0.1, 0.4 and 1.6 s, the lock renewed meanwhile, so the answer is still kept for a
   * retry; only then is the failure logged, and the key frees after `lockTtl`.
   */
  private settle(outcome: IdempotencyOutcome | null, attempt = 0): void {
    const { store, key, token, ttlMs, logger, renewal } = this.held;
    renewal.untrack(this);
    const failed = (error: unknown): void => {
      const delay = SETTLE_RETRY_MS[attempt];
      if (delay !== undefined) {
        renewal.track(this);
        setTimeout(() => this.settle(outcome, attempt + 1), delay).unref();
        return;
      }
      logger.error(
        idempotencyStoreFailed(outcome ? 'keep an answer' : 'free a key', (error as Error).message),
      );
    };
    try {
      const written = outcome
        ? store.complete(key, token, outcome, ttlMs)
        : store.release(key, token);
      written.then(() => void (this.settled = true), failed);
    } catch (error) {
      failed(error);
    }
  }
}
