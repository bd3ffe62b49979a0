import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MINDOFF_CONTEXT } from '../mindoff.constants';

/** The method name under which every API class serves its route. */
export const MINDOFF_HANDLER = 'handleMindoffRequest';

/**
 * The route handler of every mindoff API: it carries out what the guard prepared (run `run()`
 * now, or enqueue it). Nest gives it the request (nothing else is resolved per request), and it
 * answers every method so that a wrong one reaches the guard.
 */
export async function handleMindoffRequest(
  this: { run(ctx: unknown): unknown },
  request: Record<symbol, unknown>,
): Promise<unknown> {
  return (request[MINDOFF_CONTEXT] as { execute(api: unknown): Promise<unknown> }).execute(this);
}
Reflect.defineMetadata(PATH_METADATA, '/', handleMindoffRequest);
Reflect.defineMetadata(METHOD_METADATA, RequestMethod.ALL, handleMindoffRequest);

/** Route-args metadata: the request as the handler's only argument. */
export const HANDLER_ARGS = {
  [`${RouteParamtypes.REQUEST}:0`]: { index: 0, data: undefined, pipes: [] },
};
