import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import type { IdempotencyStore } from '../interfaces/idempotency-store.interface';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_CATALOG, MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import type { ResponseCatalog } from '../responses';
import type { CompiledIdempotency } from './compiled-idempotency';
import { HeldKey } from './held-key';
import { idempotencyKeyOf } from './idempotency-key';
import { MINDOFF_IDEMPOTENCY_STORE } from './idempotency-store.provider';
import { KeyRenewal } from './key-renewal';
import { requestFingerprint, type FingerprintParts } from './request-fingerprint';

/** The request header that carries the key. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** This process's part of every claim token; a counter makes the rest (unique without a UUID each). */
const TOKEN_PREFIX = `${randomUUID()}:`;

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
 * `Idempotency-Key` header (400 when it is missing but required, or invalid) and fingerprints the
 * request; the `HeldKey` it returns claims the key for this caller and API when the action runs,
 * and says what to do — run under the key, answer the kept answer again, or refuse (409 in use,
 * 422 reused for another request, 503 store unreachable).
 */
@Injectable()
export class IdempotencyGate implements OnModuleDestroy {
  private readonly logger = new Logger('Mindoff');
  private readonly renewal: KeyRenewal;
  private claims = 0;

  constructor(
    @Inject(MINDOFF_IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions,
    @Inject(MINDOFF_CATALOG) private readonly catalog: ResponseCatalog,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.renewal = new KeyRenewal(options.idempotency.lockTtlMs);
  }

  /** Null when the key is optional and none was sent: the request runs as any other. */
  admit(
    declared: CompiledIdempotency,
    request: GateRequest,
    parts: FingerprintParts,
  ): HeldKey | null {
    const found = idempotencyKeyOf(request.raw.headers[IDEMPOTENCY_KEY_HEADER]);
    if (found === 'missing') {
      if (declared.required) throw new MindoffHttpError('IDEMPOTENCY_KEY_REQUIRED');
      return null;
    }
    if (found === 'invalid') throw new MindoffHttpError('IDEMPOTENCY_KEY_INVALID');
    const { ttlMs, lockTtlMs } = this.options.idempotency;
    return new HeldKey({
      store: this.store,
      renewal: this.renewal,
      key: `${request.scope}\n${parts.urlName}\n${found.key}`,
      fingerprint: requestFingerprint(parts),
      token: `${TOKEN_PREFIX}${++this.claims}`,
      ttlMs: declared.ttlMs ?? ttlMs,
      lockTtlMs,
      adapter: this.adapterHost.httpAdapter,
      response: request.response,
      rawResponse: request.rawResponse,
      catalog: this.catalog,
      requestId: request.requestId,
      logger: this.logger,
    });
  }

  onModuleDestroy(): void {
    this.renewal.stop();
  }
}
