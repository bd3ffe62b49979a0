import type { Type } from '@nestjs/common';
import type { MindoffClientManifest, MindoffRouteTable } from '../client/route-table.type';
import type { CompiledApi } from '../registry/compiled-api';

/** Where the router serves an API class: what it puts before `/v<n>/` (`/api`, `/api/admin`, `''`). */
export interface ServedMounts {
  mountOf(cls: Type<unknown>): string;
  taskBase(): string | undefined;
}

/**
 * The route table a client reads: each API version's method, its patterns as the router serves
 * them (global prefix and `RouterModule` path included, `:name` kept, trailing slash), whether it
 * runs in queue mode, honours an `Idempotency-Key` or reads a form (its file fields); plus where
 * the task endpoints are.
 *
 * @example
 * clientManifest(registry.all(), routes);
 * // { apis: { orders__get_order: { '1': { method: 'GET', paths: ['/v1/orders/get_order/:order_id/', …], queued: false } } }, taskBase: '/mindoff/queue' }
 */
export function clientManifest(
  apis: readonly CompiledApi[],
  served: ServedMounts,
): MindoffClientManifest {
  const table: MindoffRouteTable = {};
  for (const api of apis) {
    const mount = served.mountOf(api.cls);
    const { version, apiPaths } = api.route;
    (table[api.urlName] ??= {})[String(version)] = {
      method: api.method.toUpperCase(),
      paths: apiPaths.map((path) => `${mount}/v${version}/${path}/`),
      queued: api.processMode === 'queue',
      ...(api.idempotency ? { idempotency: { required: api.idempotency.required } } : {}),
      ...(api.uploads ? { files: [...api.uploads.names] } : {}),
    };
  }
  const queued = apis.some((api) => api.processMode === 'queue');
  return { apis: table, taskBase: queued ? (served.taskBase() ?? null) : null };
}
