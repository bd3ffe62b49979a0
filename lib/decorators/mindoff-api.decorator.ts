import { Controller, RequestMethod, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  EXCEPTION_FILTERS_METADATA,
  GUARDS_METADATA,
  INTERCEPTORS_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { MINDOFF_API_METADATA } from '../mindoff.constants';
import type { MindoffApiOptions } from '../interfaces/mindoff-api-options.interface';
import type { ShorthandSchema } from '../validation';
import { MindoffGuard } from '../pipeline/mindoff.guard';
import { EnvelopeInterceptor } from '../interceptors/envelope.interceptor';
import { MindoffExceptionFilter } from '../filters/mindoff-exception.filter';
import { contextParamMetadata } from './mindoff-context.param';

/**
 * Declares a managed API on a controller class whose handler is `run(ctx)`. It only writes
 * metadata: the route (every method, so a wrong one gets `INVALID_METHOD`), the one mindoff guard,
 * interceptor and filter, and the declaration they read. The path comes from the version map
 * (`MindoffVersions.register`).
 *
 * @example
 * @MindoffApi({ urlName: 'orders__create_order', name: 'Create Order', method: 'POST' })
 * export class CreateOrderV1Api { async run(ctx: MindoffContext) { return { ok: true }; } }
 */
export function MindoffApi<const S extends ShorthandSchema | undefined = undefined>(
  options: MindoffApiOptions<S>,
): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(MINDOFF_API_METADATA, options, target);
    Controller()(target);
    // A later version that extends an earlier one inherits its enhancers; add each only once.
    if (!inherits(target, GUARDS_METADATA, MindoffGuard)) UseGuards(MindoffGuard)(target);
    if (!inherits(target, INTERCEPTORS_METADATA, EnvelopeInterceptor))
      UseInterceptors(EnvelopeInterceptor)(target);
    if (!inherits(target, EXCEPTION_FILTERS_METADATA, MindoffExceptionFilter)) {
      UseFilters(MindoffExceptionFilter)(target);
    }
    const run: unknown = (target.prototype as Record<string, unknown>).run;
    if (typeof run !== 'function') return; // reported at startup, naming the class
    Reflect.defineMetadata(PATH_METADATA, '/', run);
    Reflect.defineMetadata(METHOD_METADATA, RequestMethod.ALL, run);
    Reflect.defineMetadata(ROUTE_ARGS_METADATA, contextParamMetadata(), target, 'run');
  };
}

function inherits(target: object, key: string, enhancer: unknown): boolean {
  const list = Reflect.getMetadata(key, target) as unknown[] | undefined;
  return list?.includes(enhancer) ?? false;
}
