import type { AbstractHttpAdapter } from '@nestjs/core';

/**
 * The part of an express 5 router layer read here: its route (with `_handlesMethod`, express 5's
 * own method test, private since express 4) and its own path matcher.
 */
interface ExpressLayer {
  route?: ExpressRoute;
  match(path: string): boolean;
}

interface ExpressRoute {
  stack?: { handle?: unknown }[];
  _handlesMethod?(method: string | undefined): boolean;
}

interface RoutedRequest {
  route?: ExpressRoute | null;
  is404?: boolean;
  method?: string;
  path?: string;
  url?: string;
}

/** The not-found handlers the app's router was given (see `markNotFoundHandler`). */
const notFoundHandlers = new WeakSet<object>();

/**
 * Marks `handler` as the router's not-found handler. Under a global prefix, Nest's express adapter
 * (@nestjs/platform-express 12, `setNotFoundHandler`) serves it as a route (`*path` of a router
 * mounted at the prefix), so a request it answers has `req.route` set without reaching any route.
 */
export function markNotFoundHandler(handler: object): void {
  notFoundHandlers.add(handler);
}

/**
 * Whether `request` is for one of the router's routes: fastify routes a request before anything
 * else runs (`is404` on its request), and express marks it once the router reached the route. Express
 * runs its body parsers before routing, so a request they refused is matched against the router's
 * route layers here: a malformed body for a route then counts as that route's, on both adapters.
 * Unknown paths and methods are not, nor Nest's not-found route.
 */
export function reachesRoute(request: unknown, adapter: AbstractHttpAdapter): boolean {
  if (typeof request !== 'object' || request === null) return false;
  const { route, is404, method, path, url } = request as RoutedRequest;
  if (is404 !== undefined) return is404 === false;
  if (route) return !isNotFoundRoute(route);
  if (adapter.getType() !== 'express') return false;
  const stack = (adapter.getInstance() as { router?: { stack?: ExpressLayer[] } }).router?.stack;
  const target = path ?? new URL(url ?? '/', 'http://localhost').pathname;
  return (stack ?? []).some(
    (layer) =>
      layer.route !== undefined &&
      !isNotFoundRoute(layer.route) &&
      layer.route._handlesMethod?.(method) === true &&
      matches(layer, target),
  );
}

function isNotFoundRoute(route: ExpressRoute): boolean {
  return (route.stack ?? []).some((entry) =>
    typeof entry.handle === 'object' || typeof entry.handle === 'function'
      ? notFoundHandlers.has(entry.handle as object)
      : false,
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
