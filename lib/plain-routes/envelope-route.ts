import type { Type } from '@nestjs/common';
import {
  EXCEPTION_FILTERS_METADATA,
  HTTP_CODE_METADATA,
  REDIRECT_METADATA,
  RENDER_METADATA,
  RESPONSE_PASSTHROUGH_METADATA,
  ROUTE_ARGS_METADATA,
  SSE_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MindoffExceptionFilter } from '../filters/mindoff-exception.filter';
import { MINDOFF_API_METADATA, MINDOFF_TASK_ENDPOINTS } from '../mindoff.constants';

/** What the envelope needs to know about one route handler, read once from its metadata. */
export interface EnvelopeRoute {
  /**
   * The route answers by itself and is left alone: a mindoff API or task endpoint (already an
   * envelope), an `@Sse()` stream, a handler that takes `@Res()` (without passthrough) or `@Next()`,
   * a `@Redirect()` or a `@Render()`.
   */
  readonly untouched: boolean;
  /** The status set with `@HttpCode()`, which the `SUCCESS` envelope keeps. */
  readonly httpCode: number | undefined;
  /** Whether the handler reads `@Body()` (so a ValidationPipe may answer `INVALID_PAYLOAD`). */
  readonly takesBody: boolean;
}

/**
 * Whether `cls` answers mindoff envelopes itself: a `@MindoffApi` class, the task endpoints, or
 * any controller that uses `MindoffExceptionFilter`.
 */
export function answersOwnEnvelopes(cls: Type<unknown>): boolean {
  if (Reflect.hasMetadata(MINDOFF_API_METADATA, cls)) return true;
  if (Reflect.hasMetadata(MINDOFF_TASK_ENDPOINTS, cls)) return true;
  const filters = Reflect.getMetadata(EXCEPTION_FILTERS_METADATA, cls) as unknown[] | undefined;
  return filters?.includes(MindoffExceptionFilter) ?? false;
}

/** Reads the {@link EnvelopeRoute} of the handler named `methodName` of `cls`. */
export function envelopeRoute(
  cls: Type<unknown>,
  handler: object,
  methodName: string,
): EnvelopeRoute {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, cls, methodName) ?? {}) as object;
  const takes = (type: RouteParamtypes) =>
    Object.keys(args).some((key) => key.startsWith(`${type}:`));
  const handlesResponse =
    (takes(RouteParamtypes.RESPONSE) || takes(RouteParamtypes.NEXT)) &&
    !Reflect.getMetadata(RESPONSE_PASSTHROUGH_METADATA, cls, methodName);
  const untouched =
    answersOwnEnvelopes(cls) ||
    handlesResponse ||
    [SSE_METADATA, REDIRECT_METADATA, RENDER_METADATA].some((key) =>
      Reflect.hasMetadata(key, handler),
    );
  return {
    untouched,
    httpCode: Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined,
    takesBody: takes(RouteParamtypes.BODY),
  };
}

/** The {@link EnvelopeRoute}s of the handlers seen so far, so metadata is read once per route. */
export class EnvelopeRoutes {
  private readonly byClass = new WeakMap<object, Map<object, EnvelopeRoute>>();

  /** The route of `handler` as served by `cls`. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Nest's getHandler() type
  of(cls: Type<unknown>, handler: Function): EnvelopeRoute {
    let routes = this.byClass.get(cls);
    if (!routes) this.byClass.set(cls, (routes = new Map()));
    let route = routes.get(handler);
    if (!route) routes.set(handler, (route = envelopeRoute(cls, handler, handler.name)));
    return route;
  }
}
