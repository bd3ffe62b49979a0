import { Injectable, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { MINDOFF_ROUTE_METADATA, MINDOFF_TASK_ENDPOINTS } from '../mindoff.constants';
import type { ApiRouteMetadata } from '../versioning/mindoff-versions';
import { RouteMissExplainer, type RouteMiss, type ServedApi } from './route-miss';
import { servedControllers, type RoutingContainer } from './served-paths';

interface Snapshot {
  paths: Map<Type<unknown>, string[]>;
  taskBase: string | undefined;
  misses: RouteMissExplainer;
}

/**
 * Where the router serves mindoff: each API class's path (with the app's global prefix, its
 * `RouterModule` path and so on), the base of the task endpoints, and the explanation of misses
 * under those paths. Read once, the first time it is asked (after the app has been set up).
 */
@Injectable()
export class ServedRoutes {
  private snapshot?: Snapshot;

  constructor(private readonly moduleRef: ModuleRef) {}

  /** The path an API class is served at, e.g. `/api/v1/shop/get_profile` (no trailing slash). */
  pathOf(cls: Type<unknown>): string | undefined {
    return this.read().paths.get(cls)?.[0];
  }

  /** Where the task endpoints are served, e.g. `/api/mindoff/queue`; undefined when they are not. */
  taskBase(): string | undefined {
    return this.read().taskBase;
  }

  /** What a request that matched no route was after, when its path is mindoff's. */
  explainMiss(method: string, url: string): RouteMiss | undefined {
    return this.read().misses.explain(method, url);
  }

  private read(): Snapshot {
    return (this.snapshot ??= this.take());
  }

  private take(): Snapshot {
    const container = (this.moduleRef as unknown as { container: RoutingContainer }).container;
    const served = servedControllers(
      container,
      (cls) =>
        Reflect.hasOwnMetadata(MINDOFF_ROUTE_METADATA, cls) ||
        Reflect.hasOwnMetadata(MINDOFF_TASK_ENDPOINTS, cls),
    );
    const paths = new Map<Type<unknown>, string[]>();
    const apis: ServedApi[] = [];
    let taskBase: string | undefined;
    for (const { cls, paths: clsPaths } of served) {
      paths.set(cls, clsPaths);
      if (Reflect.hasOwnMetadata(MINDOFF_TASK_ENDPOINTS, cls)) {
        taskBase ??= clsPaths[0];
        continue;
      }
      const route = Reflect.getOwnMetadata(MINDOFF_ROUTE_METADATA, cls) as ApiRouteMetadata;
      const suffix = `/v${route.version}/${route.apiPath}`.toLowerCase();
      for (const path of clsPaths) {
        if (!path.toLowerCase().endsWith(suffix)) continue;
        apis.push({
          mount: path.slice(0, path.length - suffix.length),
          version: route.version,
          apiPath: route.apiPath,
          versions: route.versions,
        });
      }
    }
    return { paths, taskBase, misses: new RouteMissExplainer(apis, taskBase) };
  }
}
