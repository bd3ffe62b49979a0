import type { IncomingMessage } from 'node:http';
import { nodeRequestOf } from '../http/adapter-request';

const REQUEST_ID = Symbol('mindoff:request-id');
type Tagged = IncomingMessage & { [REQUEST_ID]?: string };

/** The Node request under an adapter's request (fastify) or the request itself (express). */
function rawOf(request: unknown): Tagged {
  return nodeRequestOf(request) as Tagged;
}

/** The id mindoff gave `request` (raw or adapter request), if it has one yet. */
export function requestIdOf(request: unknown): string | undefined {
  return request ? rawOf(request)[REQUEST_ID] : undefined;
}

/** Keeps `requestId` on `request`, for everything later that has the request at hand. */
export function tagRequest(request: unknown, requestId: string): string {
  return (rawOf(request)[REQUEST_ID] = requestId);
}

/**
 * `requestIdOf` for a Node request known to be one (no adapter request to look under).
 *
 * @example
 * rawRequestIdOf(response.req); // the id, or undefined before one was given
 */
export function rawRequestIdOf(raw: IncomingMessage): string | undefined {
  return (raw as Tagged)[REQUEST_ID];
}

/**
 * `tagRequest` for a Node request known to be one.
 *
 * @example
 * tagRawRequest(response.req, randomUUID()); // the id, kept on the request
 */
export function tagRawRequest(raw: IncomingMessage, requestId: string): string {
  return ((raw as Tagged)[REQUEST_ID] = requestId);
}
