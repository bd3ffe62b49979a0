import type { AbstractHttpAdapter } from '@nestjs/core';

/** The part of an express 5 router layer read here: its route and its own path matcher. */
interface ExpressLayer {
  route?: { _handlesMethod?(method: string | undefined): boolean };
  match(path: string): boolean;
}

interface AnyRequest {
  route?: unknown;
  is404?: boolean;
  method?: string;
  path?: string;
  url?: string;
}

/**
 * Whether `request` is for one of the router's routes: fastify routes a request before anything
 * else runs, and express marks it once the router reached the route. Express runs its body
 * parsers before routing, so a request they refused is matched against the router's route layers
 * here: a malformed body for a route then counts as that route's, on both adapters. Unknown paths
 * and methods are not.
 */
export function reachesRoute(request: unknown, adapter: AbstractHttpAdapter): boolean {
  if (typeof request !== 'object' || request === null) return false;
  const { route, is404, method, path, url } = request as AnyRequest;
  if ((route !== undefined && route !== null) || is404 === false) return true;
  if (adapter.getType() !== 'express') return false;
  const stack = (adapter.getInstance() as { router?: { stack?: ExpressLayer[] } }).router?.stack;
  const target = path ?? new URL(url ?? '/', 'http://localhost').pathname;
  return (stack ?? []).some(
    (layer) => layer.route?._handlesMethod?.(method) === true && matches(layer, target),
  );
}

/** A layer's own match; a path whose parameters do not decode is one the router refuses too. */
function matches(layer: ExpressLayer, path: string): boolean {
  try {
    return layer.match(path);
  } catch {
    return false;
  }
}
