import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A request as Nest hands it to guards, filters and handlers: express's request (a Node
 * `IncomingMessage` itself) or fastify's, which keeps the Node request as `raw`.
 */
export type AdapterRequest = IncomingMessage & {
  raw?: IncomingMessage;
  originalUrl?: string;
  query?: Record<string, unknown>;
  [key: string | symbol]: unknown;
};

/** A response as Nest hands it out: express's (a `ServerResponse`) or fastify's reply (`raw`). */
export type AdapterResponse = object & { raw?: ServerResponse };

/** The Node request under an adapter's request (fastify: `request.raw`; express: itself). */
export function nodeRequestOf(request: unknown): IncomingMessage {
  const adapted = request as { raw?: IncomingMessage };
  return adapted.raw ?? (request as IncomingMessage);
}

/** The Node response under an adapter's response (fastify: `reply.raw`; express: itself). */
export function nodeResponseOf(response: unknown): ServerResponse {
  const adapted = response as { raw?: ServerResponse };
  return adapted.raw ?? (response as ServerResponse);
}

/** Whether a Node request announces a body (a non-zero Content-Length, or chunked). */
export function hasBody(raw: IncomingMessage): boolean {
  const headers = raw.headers;
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
