import type { IncomingMessage } from 'node:http';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { baseUrl } from './base-url';
import { QUEUE_BASE_PATH } from './queue-endpoints';

/**
 * Where a client reaches the task endpoints: `queue.publicUrl` or the request's origin, then the
 * path the router serves them at (global prefix included), e.g. `https://host/api/mindoff/queue`.
 */
export function taskRoot(
  raw: IncomingMessage,
  options: ResolvedMindoffOptions,
  servedAt: string | undefined,
): string {
  const origin = options.queue.publicUrl ?? baseUrl(raw, options.trustProxy);
  return `${origin}${servedAt ?? `/${QUEUE_BASE_PATH}`}`;
}
