import { Controller, UseFilters, UseGuards, type Type } from '@nestjs/common';
import {
  EXCEPTION_FILTERS_METADATA,
  GUARDS_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { MINDOFF_API_METADATA } from '../mindoff.constants';
import type { MindoffApiOptions, ParamsSchema } from '../interfaces/mindoff-api-options.interface';
import type { ApiClassDecorator } from './api-class-check.type';
import type { PayloadSchema } from '../validation';
import { MindoffGuard } from '../pipeline/mindoff.guard';
import { MindoffExceptionFilter } from '../filters/mindoff-exception.filter';
import {
  HANDLER_ARGS,
  MINDOFF_HANDLER,
  mindoffRouteHandler,
} from '../routing/mindoff-route.handler';

/**
 * Declares a managed API on a controller class whose handler is `run(ctx)`. It writes the
 * declaration, the one mindoff guard and filter, and the route: mindoff's own handler (which
 * calls `run()`), answering every method so that a wrong one gets `INVALID_METHOD`. The path
 * comes from the version map (`MindoffVersions.register`).
 *
 * @example
 * @MindoffApi({ urlName: 'orders__create_order', name: 'Create Order', method: 'POST' })
 * export class CreateOrderV1Api { async run(ctx: MindoffContext) { return { ok: true }; } }
 */
export function MindoffApi<
  const S extends PayloadSchema | undefined = undefined,
  const P extends ParamsSchema | undefined = undefined,
  const Q extends PayloadSchema | undefined = undefined,
  const R extends PayloadSchema | undefined = undefined,
>(options: MindoffApiOptions<S, P, Q, R>): ApiClassDecorator<R> {
  return (target) => {
    Reflect.defineMetadata(MINDOFF_API_METADATA, options, target);
    Controller()(target);
    // A later version that extends an earlier one inherits its enhancers; add each only once.
    if (!inherits(target, GUARDS_METADATA, MindoffGuard)) UseGuards(MindoffGuard)(target);
    if (!inherits(target, EXCEPTION_FILTERS_METADATA, MindoffExceptionFilter)) {
      UseFilters(MindoffExceptionFilter)(target);
    }
    // A missing run() is reported at startup, naming the class.
    Object.defineProperty(target.prototype, MINDOFF_HANDLER, {
      value: mindoffRouteHandler(target as unknown as Type<unknown>),
      configurable: true,
    });
    Reflect.defineMetadata(ROUTE_ARGS_METADATA, HANDLER_ARGS, target, MINDOFF_HANDLER);
  };
}

function inherits(target: object, key: string, enhancer: unknown): boolean {
  const list = Reflect.getMetadata(key, target) as unknown[] | undefined;
  return list?.includes(enhancer) ?? false;
}
