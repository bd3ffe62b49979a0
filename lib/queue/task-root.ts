import type { IncomingMessage } from 'node:http';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { requestOrigin } from './request-origin';
import { QUEUE_BASE_PATH } from './endpoints/queue-endpoints';

/**
 * Where a client reaches the task endpoints: `queue.publicUrl`, or the origin a trusted proxy
 * states, then the path the router serves them at (global prefix included), e.g.
 * `https://host/api/mindoff/queue`; without either, the path alone (`/api/mindoff/queue`), never
 * an origin taken from the client's own `Host` header.
 */
export function taskRoot(
  raw: IncomingMessage,
  options: ResolvedMindoffOptions,
  servedAt: string | undefined,
): string {
  const origin = options.queue.publicUrl ?? requestOrigin(raw, options.trustProxy) ?? '';
  return `${origin}${servedAt ?? `/${QUEUE_BASE_PATH}`}`;
}
