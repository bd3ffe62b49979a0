import { Injectable, type OnModuleInit, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  MINDOFF_API_METADATA,
  MINDOFF_ROUTE_METADATA,
  MINDOFF_TASK_ENDPOINTS,
} from '../mindoff.constants';
import type { ApiRouteMetadata } from '../interfaces/api-route-metadata.interface';
import { RouteMissExplainer, type RouteMiss, type ServedApi } from './route-miss';
import { servedControllers, type RoutingContainer } from './served-paths';

interface Snapshot {
  paths: Map<Type<unknown>, string[]>;
  byName: Map<string, Type<unknown>>;
  taskBase: string | undefined;
  misses: RouteMissExplainer;
}

/**
 * Where the router serves mindoff (injectable, e.g. to link to an API from a page): each API's path (with the app's global prefix, its
 * `RouterModule` path and so on), the base of the task endpoints, and the explanation of misses
 * under those paths. Read once, the first time it is asked after the app starts initialising.
 */
@Injectable()
export class MindoffRoutes implements OnModuleInit {
  private snapshot?: Snapshot;
  private initialised = false;

  constructor(private readonly moduleRef: ModuleRef) {}

  /**
   * The app is initialising: its global prefix, RouterModule paths and versioning are set. Called
   * by Nest (`OnModuleInit`), not by the app; it stays in the declarations so that the class
   * implements the interface there too.
   */
  onModuleInit(): void {
    this.initialised = true;
  }

  /**
   * Whether the app serves any mindoff API.
   * @internal
   */
  hasApis(): boolean {
    return this.read().byName.size > 0;
  }

  /**
   * The path version `version` of `urlName` is served at, with a trailing slash, e.g.
   * `/api/v1/shop/get_profile/`; undefined when the app does not serve it.
   *
   * @example
   * fetch(routes.urlOf('orders__create_order', 1), { method: 'POST', body })
   */
  urlOf(urlName: string, version: number): string | undefined {
    const cls = this.read().byName.get(`${urlName}@${version}`);
    const path = cls && this.pathOf(cls);
    return path === undefined ? undefined : `${path}/`;
  }

  /** The path an API class is served at, e.g. `/api/v1/shop/get_profile` (no trailing slash). */
  pathOf(cls: Type<unknown>): string | undefined {
    return this.read().paths.get(cls)?.[0];
  }

  /**
   * What the router puts before an API's `/v<n>/` segment: the global prefix, a `RouterModule`
   * path (e.g. `/api/admin`); `''` at the root.
   */
  mountOf(cls: Type<unknown>): string {
    const path = this.pathOf(cls);
    const route = Reflect.getOwnMetadata(MINDOFF_ROUTE_METADATA, cls) as
      ApiRouteMetadata | undefined;
    if (!path || !route) return '';
    const suffix = `/v${route.version}/${route.apiPath}`;
    return path.toLowerCase().endsWith(suffix.toLowerCase())
      ? path.slice(0, path.length - suffix.length)
      : '';
  }

  /** The app's global prefix with a leading slash (`/api`), or `''`. */
  globalPrefix(): string {
    const prefix = this.container().applicationConfig?.getGlobalPrefix() ?? '';
    return prefix && !prefix.startsWith('/') ? `/${prefix}` : prefix;
  }

  /** Where the task endpoints are served, e.g. `/api/mindoff/queue`; undefined when they are not. */
  taskBase(): string | undefined {
    return this.read().taskBase;
  }

  /**
   * What a request that matched no route was after, when its path is mindoff's.
   * @internal
   */
  explainMiss(url: string): RouteMiss | undefined {
    return this.read().misses.explain(url);
  }

  /** What the router serves; kept once the app initialises (read earlier, it is not kept). */
  private read(): Snapshot {
    if (!this.initialised) return this.take();
    return (this.snapshot ??= this.take());
  }

  private container(): RoutingContainer {
    return (this.moduleRef as unknown as { container: RoutingContainer }).container;
  }

  private take(): Snapshot {
    const served = servedControllers(
      this.container(),
      (cls) =>
        Reflect.hasOwnMetadata(MINDOFF_ROUTE_METADATA, cls) ||
        Reflect.hasOwnMetadata(MINDOFF_TASK_ENDPOINTS, cls),
    );
    const paths = new Map<Type<unknown>, string[]>();
    const byName = new Map<string, Type<unknown>>();
    const apis: ServedApi[] = [];
    let taskBase: string | undefined;
    for (const { cls, paths: clsPaths } of served) {
      paths.set(cls, clsPaths);
      if (Reflect.hasOwnMetadata(MINDOFF_TASK_ENDPOINTS, cls)) {
        taskBase ??= clsPaths[0];
        continue;
      }
      const route = Reflect.getOwnMetadata(MINDOFF_ROUTE_METADATA, cls) as ApiRouteMetadata;
      const declared = Reflect.getMetadata(MINDOFF_API_METADATA, cls) as { urlName?: string };
      byName.set(`${declared?.urlName}@${route.version}`, cls);
      for (const apiPath of route.apiPaths ?? [route.apiPath]) {
        const suffix = `/v${route.version}/${apiPath}`.toLowerCase();
        for (const path of clsPaths) {
          if (!path.toLowerCase().endsWith(suffix)) continue;
          apis.push({
            mount: path.slice(0, path.length - suffix.length),
            version: route.version,
            apiPath,
            versions: route.versions,
          });
        }
      }
    }
    return { paths, byName, taskBase, misses: new RouteMissExplainer(apis, taskBase) };
  }
}
