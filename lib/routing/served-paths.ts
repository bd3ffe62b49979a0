import { RequestMethod, type Type, type VersioningOptions } from '@nestjs/common';
import { MODULE_PATH, PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants';
import { RoutePathFactory } from '@nestjs/core/router/route-path-factory';
import type { ApplicationConfig } from '@nestjs/core/application-config';

/** The part of Nest's container that says how routes are composed (what Nest's router reads). */
export interface RoutingContainer {
  applicationConfig?: ApplicationConfig;
  getModules(): Map<
    string,
    { metatype: unknown; controllers: Map<unknown, { metatype: unknown }> }
  > & {
    applicationId?: string;
  };
}

/** One controller and the paths Nest serves it at. */
export interface ServedController {
  cls: Type<unknown>;
  /** e.g. `['/api/admin/v1/shop/get_profile']` */
  paths: string[];
}

/**
 * The paths Nest's router serves each controller at, composed the way Nest composes them (global
 * prefix and its `exclude` list, `RouterModule` paths, URI versioning), with Nest's own
 * `RoutePathFactory`. `select` picks the controllers of interest.
 */
export function servedControllers(
  container: RoutingContainer,
  select: (cls: Type<unknown>) => boolean,
): ServedController[] {
  const config = container.applicationConfig;
  const factory = config ? new RoutePathFactory(config) : undefined;
  const globalPrefix = leadingSlash(config?.getGlobalPrefix() ?? '');
  const versioningOptions = config?.getVersioning() as VersioningOptions | undefined;
  const modules = container.getModules();
  const found: ServedController[] = [];
  for (const module of modules.values()) {
    const modulePath = (Reflect.getMetadata(
      MODULE_PATH + (modules.applicationId ?? ''),
      module.metatype as object,
    ) ?? Reflect.getMetadata(MODULE_PATH, module.metatype as object)) as string | undefined;
    for (const wrapper of module.controllers.values()) {
      const cls = wrapper.metatype as Type<unknown> | undefined;
      if (!cls || !select(cls)) continue;
      const ctrlPaths = ([] as string[]).concat(
        (Reflect.getMetadata(PATH_METADATA, cls) as string | string[] | undefined) ?? '/',
      );
      const metadata = {
        modulePath,
        globalPrefix,
        controllerVersion: Reflect.getMetadata(VERSION_METADATA, cls) as never,
        versioningOptions,
        methodPath: '/',
      };
      const paths = ctrlPaths.flatMap((ctrlPath) =>
        factory
          ? factory.create({ ...metadata, ctrlPath }, RequestMethod.ALL)
          : [leadingSlash(ctrlPath)],
      );
      found.push({ cls, paths: [...new Set(paths)] });
    }
  }
  return found;
}

function leadingSlash(path: string): string {
  return path && !path.startsWith('/') ? `/${path}` : path;
}
