import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MINDOFF_CONTEXT, MINDOFF_ROUTE_CLASS } from '../mindoff.constants';
import { requestTelemetry } from '../telemetry/request.telemetry';

/** The method name under which every API class serves its route. */
export const MINDOFF_HANDLER = 'handleMindoffRequest';

/** @nestjs/platform-fastify's `FASTIFY_ROUTE_CONFIG_METADATA`, written without loading the adapter. */
const FASTIFY_ROUTE_CONFIG_METADATA = '__fastify_route_config__';
/** @nestjs/swagger's `DECORATORS.API_EXCLUDE_ENDPOINT`, written without loading the optional peer. */
export const SWAGGER_EXCLUDE_ENDPOINT = 'swagger/apiExcludeEndpoint';

/**
 * The route handler of one API class: it carries out what the guard prepared (run `run()` now, or
 * enqueue it). Nest gives it the request (nothing else is resolved per request), and it answers
 * every method so that a wrong one reaches the guard.
 *
 * Nest copies a handler's metadata onto the function it registers with the router, so the router's
 * own records say which routes are mindoff's: express keeps the function on its route layer, and
 * fastify gets `config` (read by the adapter from the metadata) on the route's context. That is how
 * mindoff recognises its routes under any global prefix, `RouterModule` path or URL form, without a
 * second router of its own.
 */
export function mindoffRouteHandler(cls: Type<unknown>) {
  async function handleMindoffRequest(
    this: { run(ctx: unknown): unknown },
    request: Record<symbol, unknown>,
  ): Promise<unknown> {
    const context = request[MINDOFF_CONTEXT] as { execute(api: unknown): Promise<unknown> };
    const telemetry = requestTelemetry(request);
    if (!telemetry) return context.execute(this);
    const body = await telemetry.within(() => context.execute(this));
    telemetry.answered(body);
    return body;
  }
  Reflect.defineMetadata(PATH_METADATA, '/', handleMindoffRequest);
  Reflect.defineMetadata(METHOD_METADATA, RequestMethod.ALL, handleMindoffRequest);
  markMindoffRoute(handleMindoffRequest, cls);
  // Swagger's scanner would list this catch-all route once per HTTP method; MindoffOpenApi adds
  // each API with its own method instead.
  Reflect.defineMetadata(SWAGGER_EXCLUDE_ENDPOINT, { disable: true }, handleMindoffRequest);
  return handleMindoffRequest;
}

/** Marks a route handler as served by mindoff for `owner` (an API class or the task endpoints). */
export function markMindoffRoute(handler: object, owner: Type<unknown>): void {
  Reflect.defineMetadata(MINDOFF_ROUTE_CLASS, owner, handler);
  Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { [MINDOFF_ROUTE_CLASS]: owner }, handler);
}

/** The class a registered route handler serves for mindoff, if it is one of mindoff's. */
export function mindoffRouteOwner(handler: unknown): Type<unknown> | undefined {
  if (typeof handler !== 'function') return undefined;
  return Reflect.getMetadata(MINDOFF_ROUTE_CLASS, handler) as Type<unknown> | undefined;
}

/** The owner fastify keeps in a route's `config` (see `markMindoffRoute`). */
export function ownerFromRouteConfig(config: unknown): Type<unknown> | undefined {
  return (config as Record<string, Type<unknown> | undefined> | undefined)?.[MINDOFF_ROUTE_CLASS];
}

/** Route-args metadata: the request as the handler's only argument. */
export const HANDLER_ARGS = {
  [`${RouteParamtypes.REQUEST}:0`]: { index: 0, data: undefined, pipes: [] },
};
