import { HttpException, Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import { toEnvelopeError } from '../errors/to-envelope-error';
import type {
  IdempotencyOutcome,
  IdempotencyStore,
} from '../interfaces/idempotency-store.interface';
import { MindoffValidationError, type ResponseCatalog } from '../responses';
import { idempotencyLockLost, idempotencyStoreFailed } from './idempotency.messages';

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** What the route handler carries out for a request (a direct run, or an enqueue). */
export interface RouteAction {
  execute(api: unknown): Promise<unknown>;
}

/** What a held key needs to know of its request. */
export interface HeldKeyRequest {
  store: IdempotencyStore;
  key: string;
  token: string;
  ttlMs: number;
  lockTtlMs: number;
  response: unknown;
  rawResponse: ServerResponse;
  catalog: ResponseCatalog;
  requestId: string;
  logger: Logger;
}

/**
 * A key this request claimed. Its lock is renewed while the request lives (so it outlasts a long
 * `run()` but frees `lockTtl` after the process dies); the answer of `run()` is then kept for the
 * ttl, or the key freed when `run()` failed (a thrown error or a 5xx), so a retry runs again.
 */
export class HeldKey {
  private readonly renewal: NodeJS.Timeout;
  private state: 'claimed' | 'running' | 'settled' = 'claimed';

  constructor(private readonly held: HeldKeyRequest) {
    const { store, key, token, lockTtlMs, logger } = held;
    this.renewal = setInterval(
      () => {
        store.renew(key, token, lockTtlMs).then(
          (kept) => (kept ? undefined : logger.warn(idempotencyLockLost())),
          () => undefined,
        );
      },
      Math.max(1, Math.floor(lockTtlMs / 3)),
    );
    this.renewal.unref();
    // A request that ends before its action runs (a later enhancer refused it, the client left)
    // never runs `run()`: the key is freed at once.
    held.rawResponse.once('close', () => {
      if (this.state === 'claimed') void this.settle(null);
    });
  }

  /** `action`, carried out under this key: its answer kept, or the key freed. */
  around(action: RouteAction): RouteAction {
    return {
      execute: async (api: unknown) => {
        if (this.state !== 'claimed') throw new MindoffHttpError('IDEMPOTENCY_KEY_IN_USE');
        this.state = 'running';
        let body: unknown;
        try {
          body = await action.execute(api);
        } catch (error) {
          await this.settle(this.thrownOutcome(error));
          throw error;
        }
        await this.settle(this.answeredOutcome(body));
        return body;
      },
    };
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

  private async settle(outcome: IdempotencyOutcome | null): Promise<void> {
    this.state = 'settled';
    clearInterval(this.renewal);
    const { store, key, token, ttlMs, logger } = this.held;
    try {
      if (outcome) await store.complete(key, token, outcome, ttlMs);
      else await store.release(key, token);
    } catch (error) {
      logger.error(
        idempotencyStoreFailed(outcome ? 'keep an answer' : 'free a key', (error as Error).message),
      );
    }
  }
}
