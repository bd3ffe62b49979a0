import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { FILTER_CATCH_EXCEPTIONS } from '@nestjs/common/constants';
import type { ApplicationConfig, ModuleRef } from '@nestjs/core';

/**
 * Hands `exception` to the global filter Nest would have chosen had `self` not been registered:
 * Nest tries global filters last-registered first and takes the first whose `@Catch()` matches.
 * `handled` is false when none matches, so the caller answers as Nest does without a filter.
 */
export function passToEarlierFilters(
  self: ExceptionFilter,
  moduleRef: ModuleRef,
  exception: unknown,
  host: ArgumentsHost,
): { handled: false } | { handled: true; result: unknown } {
  const globals = applicationConfigOf(moduleRef)?.getGlobalFilters() ?? [];
  const index = globals.indexOf(self);
  const earlier = (index < 0 ? [] : globals.slice(0, index)).reverse();
  const next = earlier.find((filter) => filter && catches(filter, exception));
  return next ? { handled: true, result: next.catch(exception, host) } : { handled: false };
}

function catches(filter: ExceptionFilter, exception: unknown): boolean {
  const types = (Reflect.getMetadata(FILTER_CATCH_EXCEPTIONS, Object.getPrototypeOf(filter)) ??
    Reflect.getMetadata(FILTER_CATCH_EXCEPTIONS, filter.constructor) ??
    []) as (abstract new (...args: never[]) => unknown)[];
  return types.length === 0 || types.some((type) => exception instanceof type);
}

/**
 * The app's ApplicationConfig, which holds the global filters. Nest does not provide it for
 * injection; every ModuleRef keeps the container that owns it.
 */
function applicationConfigOf(moduleRef: ModuleRef): ApplicationConfig | undefined {
  return (moduleRef as unknown as { container?: { applicationConfig?: ApplicationConfig } })
    .container?.applicationConfig;
}
