import type { IncomingMessage } from 'node:http';
import type { MindoffModuleOptions } from '../interfaces/mindoff-module-options.interface';
import { baseUrl } from './base-url';
import { QUEUE_BASE_PATH } from './queue-endpoints';

/**
 * Where a client reaches the task endpoints: `queue.publicUrl` or the request's origin, then the
 * path the router serves them at (global prefix included), e.g. `https://host/api/mindoff/queue`.
 */
export function taskRoot(
  raw: IncomingMessage,
  options: MindoffModuleOptions,
  servedAt: string | undefined,
): string {
  const origin = options.queue?.publicUrl?.replace(/\/+$/, '') ?? baseUrl(raw, options.trustProxy);
  return `${origin}${servedAt ?? `/${QUEUE_BASE_PATH}`}`;
}
