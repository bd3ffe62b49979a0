import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { pickRequestId } from './request-id';
import { requestIdOf, tagRequest } from './request-tag';

/**
 * Gives each request one id, chosen the first time anyone asks and kept on the request
 * (`requestId.header` when trusted and sane, otherwise a new UUID), and echoes it on the answers
 * mindoff writes.
 */
@Injectable()
export class RequestIds {
  private readonly incoming: string;

  constructor(@Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions) {
    this.incoming = options.requestId.header.toLowerCase();
  }

  /** The id of `request` (the raw `IncomingMessage`, or an adapter request wrapping it). */
  of(request: unknown): string {
    const known = requestIdOf(request);
    if (known !== undefined) return known;
    const raw = ((request as { raw?: IncomingMessage }).raw ?? request) as IncomingMessage;
    const incoming = raw.headers[this.incoming];
    return tagRequest(request, pickRequestId(incoming, this.options.requestId.trustHeader));
  }

  /**
   * Sets the request id header on `response` (express response or fastify reply) and returns the
   * id; the same id however often it is called for one request. On fastify it goes through the
   * reply (a header set on the Node response first would send fastify's own headers down Node's
   * slower merging path on every answer).
   */
  stamp(response: unknown): string {
    const raw = ((response as { raw?: ServerResponse }).raw ?? response) as ServerResponse;
    const requestId = this.of(raw.req);
    if (raw.headersSent) return requestId;
    const reply = response as { header?: (name: string, value: string) => unknown };
    if (reply !== raw && typeof reply.header === 'function') {
      reply.header(this.options.requestId.header, requestId);
    } else {
      raw.setHeader(this.options.requestId.header, requestId);
    }
    return requestId;
  }
}
