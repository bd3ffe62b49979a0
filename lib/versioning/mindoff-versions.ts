import { VERSION_NEUTRAL, type DynamicModule, type Type } from '@nestjs/common';
import { PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants';
import { MINDOFF_API_METADATA, MINDOFF_ROUTE_METADATA } from '../mindoff.constants';
import type { ApiRouteMetadata } from '../interfaces/api-route-metadata.interface';
import type { MindoffApiOptions } from '../interfaces/mindoff-api-options.interface';
import { MindoffQueueModule } from '../queue/mindoff-queue.module';

/** Options of `MindoffVersions.register()`. */
export interface MindoffVersionsOptions {
  /**
   * The path after `/v<n>/`, or several: `['orders/get_order/:order_id', 'orders/:order_id']`
   * (each `:name` declared in the API's `params`). Default from urlName: `orders__create_order`
   * → `orders/create_order`.
   */
  path?: string | readonly string[];
}

/** The classes of a version map, by version number (`{ 1: typeof CreateOrderV1Api }`). */
export type VersionClasses = Record<number, Type<unknown>>;

/**
 * What `MindoffVersions.register()` returns: the Nest module to import, which also carries the
 * classes of each version in its type, so a typed client can be derived from it with no code
 * generation (`MindoffApisOf<{ orders__create_order: typeof CreateOrderVersions }>`).
 */
export interface MindoffVersionMap<
  V extends VersionClasses = VersionClasses,
> extends DynamicModule {
  /** Type-only: never set at run time. */
  readonly __versions?: V;
}

/** `orders__create_order` → `orders/create_order`; `ping` → `ping`. */
export function apiPathFromUrlName(urlName: string): string {
  return urlName.split('__').join('/');
}

/**
 * The version map of one API: each version number served by its own class, at
 * `/v<n>/<app>/<api>/`. Import the returned module where the app's APIs are registered; a map
 * with a queue-mode API brings the queue (driver, worker, task endpoints) with it.
 *
 * @example
 * export const CreateOrderVersions = MindoffVersions.register({ 1: CreateOrderV1Api, 2: CreateOrderV2Api });
 */
export class MindoffVersions {
  static register<const V extends VersionClasses>(
    versions: V,
    options: MindoffVersionsOptions = {},
  ): MindoffVersionMap<V> {
    const entries = Object.entries(versions).map(([key, cls]) => [Number(key), cls] as const);
    const first = entries[0]?.[1];
    const declared = first
      ? (Reflect.getMetadata(MINDOFF_API_METADATA, first) as MindoffApiOptions | undefined)
      : undefined;
    const given = options.path ?? apiPathFromUrlName(String(declared?.urlName ?? ''));
    const apiPaths = (typeof given === 'string' ? [given] : [...given]).map(trimSlashes);
    const apiPath = apiPaths[0] ?? '';
    const numbers = entries.map(([version]) => version);
    for (const [version, cls] of entries) {
      const route: ApiRouteMetadata = { version, apiPath, apiPaths, versions: numbers };
      Reflect.defineMetadata(MINDOFF_ROUTE_METADATA, route, cls);
      const served = apiPaths.map((path) => `v${version}/${path}`);
      Reflect.defineMetadata(PATH_METADATA, served.length === 1 ? served[0] : served, cls);
      // The version is mindoff's own segment: the app's URI versioning (and its defaultVersion)
      // must not add another one.
      Reflect.defineMetadata(VERSION_METADATA, VERSION_NEUTRAL, cls);
    }
    const queued = entries.some(
      ([, cls]) =>
        (Reflect.getMetadata(MINDOFF_API_METADATA, cls) as MindoffApiOptions | undefined)
          ?.processMode === 'queue',
    );
    // A class per map keeps Nest from merging two maps whose controllers share class names.
    const module = class {};
    Object.defineProperty(module, 'name', { value: `${first?.name ?? 'Mindoff'}VersionsModule` });
    return {
      module,
      controllers: entries.map(([, cls]) => cls),
      imports: queued ? [MindoffQueueModule] : [],
    };
  }
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}
