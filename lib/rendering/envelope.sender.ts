import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { MINDOFF_CATALOG } from '../mindoff.constants';
import { ResponseCatalog, type Category, type EnvelopeJson } from '../responses';
import { RequestIds } from '../request-id/request-ids';
import { Logger } from '@nestjs/common';

/** Writes envelopes to a response through the active HTTP adapter (express or fastify). */
@Injectable()
export class EnvelopeSender {
  private readonly logger = new Logger('Mindoff');

  constructor(
    @Inject(MINDOFF_CATALOG) readonly catalog: ResponseCatalog,
    private readonly adapterHost: HttpAdapterHost,
    private readonly requestIds: RequestIds,
  ) {}

  /** The id of `request` (raw or adapter request), chosen on first ask (see `RequestIds`). */
  requestIdOf(request: unknown): string {
    return this.requestIds.of(request);
  }

  /** The status and body for `code`; an unknown code is logged and becomes `UNEXPECTED_ERR`. */
  build(code: string, category?: Category, data?: unknown): { httpStatus: number; body: unknown } {
    if (!this.isKnown(code)) return this.catalog.envelope('UNEXPECTED_ERR');
    return this.catalog.envelope(code, category, data);
  }

  /**
   * The status and JSON text of the envelope of `code`, with `dataJson` (already JSON) as its
   * data; an unknown code is logged and becomes `UNEXPECTED_ERR`.
   *
   * @example
   * sender.buildJson('SUCCESS', 'success', '{"id":1}'); // { httpStatus: 200, json: '{"status":"ok",...}' }
   */
  buildJson(code: string, category: Category | undefined, dataJson: string): EnvelopeJson {
    if (!this.isKnown(code)) return this.catalog.envelopeJson('UNEXPECTED_ERR', undefined, '[]');
    return this.catalog.envelopeJson(code, category, dataJson);
  }

  /** Whether the catalog has `code`; an unknown one is logged (the answer is `UNEXPECTED_ERR`). */
  private isKnown(code: string): boolean {
    if (this.catalog.isKnown(code)) return true;
    this.logger.error(
      `Unknown response code '${code}'; add it to config/responses.csv. Answering UNEXPECTED_ERR.`,
    );
    return false;
  }

  /** Sends the envelope of `code` now (used by the exception filters), with the request id header. */
  send(
    response: unknown,
    code: string,
    category: Category | undefined,
    data: unknown,
    headers: Record<string, string>,
  ): void {
    const adapter = this.adapterHost.httpAdapter;
    const { httpStatus, body } = this.build(code, category, data);
    this.requestIds.stamp(response);
    for (const [name, value] of Object.entries(headers)) adapter.setHeader(response, name, value);
    adapter.reply(response, body, httpStatus);
  }
}
