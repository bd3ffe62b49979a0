import type { HttpServer } from '@nestjs/common';
import type { IdempotencyOutcome } from '../interfaces/idempotency-store.interface';

/** The header that marks an answer given again for a repeated idempotency key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * What the route handler does for a repeated key whose first request finished: it answers the
 * kept status and body again, with `Idempotent-Replayed: true`, without calling `run()`. Every
 * other header (request id, rate limits, deprecation) was written fresh by this request's pipeline.
 */
export class ReplayedAnswer {
  constructor(
    private readonly outcome: IdempotencyOutcome,
    private readonly adapter: HttpServer,
    private readonly response: unknown,
  ) {}

  execute(): Promise<unknown> {
    const { status, body, object, contentType } = this.outcome;
    this.adapter.status(this.response, status);
    this.adapter.setHeader(this.response, IDEMPOTENT_REPLAYED_HEADER, 'true');
    // An envelope the framework wrote from an object is handed over as an object again, so the
    // app's JSON settings (express `json spaces`...) shape the replay as they shaped the first.
    if (object) return Promise.resolve(JSON.parse(body) as unknown);
    this.adapter.setHeader(this.response, 'Content-Type', contentType);
    return Promise.resolve(body);
  }
}
