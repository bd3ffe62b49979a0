import { Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import type { IdempotencyClaim, IdempotencyStore } from '../interfaces/idempotency-store.interface';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_CATALOG, MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import type { ResponseCatalog } from '../responses';
import type { CompiledIdempotency } from './compiled-idempotency';
import { HeldKey } from './held-key';
import { idempotencyKeyOf } from './idempotency-key';
import { MINDOFF_IDEMPOTENCY_STORE } from './idempotency-store.provider';
import { ReplayedAnswer } from './replayed-answer';
import { requestFingerprint, type FingerprintParts } from './request-fingerprint';

/** The request header that carries the key. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** How long a client is told to wait before retrying a key in use or a store outage, in seconds. */
const RETRY_AFTER_SECONDS = '1';

/** What the gate needs to know of the request, besides what it fingerprints. */
export interface GateRequest {
  raw: IncomingMessage;
  response: unknown;
  rawResponse: ServerResponse;
  /** Who the key belongs to: the user, or the client address (`user:<id>`, `ip:<address>`). */
  scope: string;
  requestId: string;
}

/**
 * The idempotency step of the pipeline, after every refusal and before `run()`: it reads the
 * `Idempotency-Key` header, claims the key for this caller and API, and says what to do — run under
 * the key (a `HeldKey`), answer the kept answer again (a `ReplayedAnswer`), or refuse (400 missing
 * or invalid key, 409 in use, 422 reused for another request, 503 store unreachable).
 */
@Injectable()
export class IdempotencyGate {
  private readonly logger = new Logger('Mindoff');

  constructor(
    @Inject(MINDOFF_IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions,
    @Inject(MINDOFF_CATALOG) private readonly catalog: ResponseCatalog,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Null when the key is optional and none was sent: the request runs as any other. */
  async admit(
    declared: CompiledIdempotency,
    request: GateRequest,
    parts: FingerprintParts,
  ): Promise<HeldKey | ReplayedAnswer | null> {
    const found = idempotencyKeyOf(request.raw.headers[IDEMPOTENCY_KEY_HEADER]);
    if (found === 'missing') {
      if (declared.required) throw new MindoffHttpError('IDEMPOTENCY_KEY_REQUIRED');
      return null;
    }
    if (found === 'invalid') throw new MindoffHttpError('IDEMPOTENCY_KEY_INVALID');
    const key = `${request.scope}\n${parts.urlName}\n${found.key}`;
    const fingerprint = requestFingerprint(parts);
    const token = randomUUID();
    const { lockTtlMs } = this.options.idempotency;
    let claim: IdempotencyClaim;
    try {
      claim = await this.store.claim(key, fingerprint, token, lockTtlMs);
    } catch {
      throw new MindoffHttpError('IDEMPOTENCY_UNAVAILABLE', [], {
        'Retry-After': RETRY_AFTER_SECONDS,
      });
    }
    if (claim.state !== 'claimed' && claim.fingerprint !== fingerprint) {
      throw new MindoffHttpError('IDEMPOTENCY_KEY_REUSED');
    }
    if (claim.state === 'running') {
      throw new MindoffHttpError('IDEMPOTENCY_KEY_IN_USE', [], {
        'Retry-After': RETRY_AFTER_SECONDS,
      });
    }
    const adapter = this.adapterHost.httpAdapter;
    if (claim.state === 'done') return new ReplayedAnswer(claim.outcome, adapter, request.response);
    return new HeldKey({
      store: this.store,
      key,
      token,
      ttlMs: declared.ttlMs ?? this.options.idempotency.ttlMs,
      lockTtlMs,
      response: request.response,
      rawResponse: request.rawResponse,
      catalog: this.catalog,
      requestId: request.requestId,
      logger: this.logger,
    });
  }
}
