import type { ApplicationConfig } from '@nestjs/core/application-config';

/** The part of Nest's container mindoff reads (Nest 11 and 12: `NestContainer`). */
export interface NestContainerLike {
  applicationConfig?: ApplicationConfig;
}

/**
 * The app's `ApplicationConfig` (global prefix, global filters, versioning). Nest does not provide
 * it for injection; every `ModuleRef` keeps the container that owns it as `container` (read from
 * @nestjs/core 12, `AbstractInstanceResolver`/`ModuleRef`).
 */
export function applicationConfigOf(moduleRef: object): ApplicationConfig | undefined {
  return containerOf(moduleRef)?.applicationConfig;
}

/** The container a `ModuleRef` belongs to (see `applicationConfigOf`). */
export function containerOf<T extends NestContainerLike>(moduleRef: object): T | undefined {
  return (moduleRef as { container?: T }).container;
}
