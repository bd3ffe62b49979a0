import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { pickRequestId } from './request-id';
import { rawRequestIdOf, tagRawRequest } from './request-tag';
import { nodeRequestOf, nodeResponseOf } from '../http/adapter-request';

/**
 * Gives each request one id, chosen the first time anyone asks and kept on the request
 * (`requestId.header` when trusted and sane, otherwise a new UUID), and echoes it on the answers
 * mindoff writes.
 */
@Injectable()
export class RequestIds {
  private readonly header: string;
  private readonly incoming: string;
  private readonly trusted: boolean;

  constructor(@Inject(MINDOFF_RESOLVED_OPTIONS) options: ResolvedMindoffOptions) {
    this.header = options.requestId.header;
    this.incoming = options.requestId.header.toLowerCase();
    this.trusted = options.requestId.trustHeader;
  }

  /** The id of `request` (the raw `IncomingMessage`, or an adapter request wrapping it). */
  of(request: unknown): string {
    return this.ofRaw(nodeRequestOf(request));
  }

  private ofRaw(raw: IncomingMessage): string {
    const known = rawRequestIdOf(raw);
    if (known !== undefined) return known;
    return tagRawRequest(raw, pickRequestId(raw.headers[this.incoming], this.trusted));
  }

  /**
   * Sets the request id header on `response` (express response or fastify reply) and returns the
   * id; the same id however often it is called for one request. On fastify it goes through the
   * reply (a header set on the Node response first would send fastify's own headers down Node's
   * slower merging path on every answer).
   */
  stamp(response: unknown): string {
    const raw = nodeResponseOf(response);
    const requestId = this.ofRaw(raw.req);
    if (raw.headersSent) return requestId;
    const reply = response as { header?: (name: string, value: string) => unknown };
    if (reply !== raw && typeof reply.header === 'function') {
      reply.header(this.header, requestId);
    } else {
      raw.setHeader(this.header, requestId);
    }
    return requestId;
  }
}
