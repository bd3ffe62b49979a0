import type { ServerResponse } from 'node:http';
import { nodeResponseOf } from './adapter-request';

interface FastifyReply {
  raw: ServerResponse;
  hijack(): unknown;
  getHeaders(): Record<string, number | string | string[] | undefined>;
}

/**
 * Takes the Node response over from the adapter, for an answer written to it directly (a
 * stream): fastify is told the reply is hijacked (its public `reply.hijack()`, fastify 4 and 5),
 * after the headers set on the reply so far (mindoff's, `@fastify/helmet`'s, CORS) are copied to
 * the Node response, since fastify would only have written them on `send`. Express writes its
 * headers on the Node response already.
 */
export function takeOverResponse(response: unknown): ServerResponse {
  const raw = nodeResponseOf(response);
  const reply = response as Partial<FastifyReply>;
  if (raw !== response && typeof reply.hijack === 'function') {
    for (const [name, value] of Object.entries(reply.getHeaders?.() ?? {})) {
      if (value !== undefined && !raw.hasHeader(name)) raw.setHeader(name, value);
    }
    reply.hijack();
  }
  return raw;
}

/**
 * Once `raw`'s headers are on the wire, header writes are ignored instead of throwing
 * `ERR_HTTP_HEADERS_SENT`: an app interceptor that sets a header on each value (timing, tracing)
 * then runs harmlessly at the end of a stream whose headers went out long before.
 */
export function ignoreLateHeaders(raw: ServerResponse): void {
  const setHeader = raw.setHeader.bind(raw);
  const removeHeader = raw.removeHeader.bind(raw);
  raw.setHeader = (name: string, value: number | string | readonly string[]) =>
    raw.headersSent ? raw : setHeader(name, value);
  raw.removeHeader = (name: string) => {
    if (!raw.headersSent) removeHeader(name);
  };
}
