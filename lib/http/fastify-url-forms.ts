/** The part of a fastify instance read here (public API: `addHook('onRoute')`, `route()`). */
export interface FastifyRouting {
  initialConfig: {
    ignoreTrailingSlash?: boolean;
    routerOptions?: { ignoreTrailingSlash?: boolean };
  };
  addHook(name: 'onRoute', hook: (this: FastifyRouting, route: FastifyRouteOptions) => void): void;
  route(options: FastifyRouteOptions): unknown;
}

/** A fastify `onRequest` hook, in its callback form. */
export type FastifyRequestHook = (request: object, reply: unknown, done: () => void) => void;

/** The route options fastify hands its `onRoute` hooks (the fields read or rewritten by mindoff). */
export interface FastifyRouteOptions {
  url?: string;
  path?: string;
  /** The route's own path within a prefixed plugin (`url` is `prefix` + `routePath`). */
  routePath?: string;
  prefix?: string;
  config?: unknown;
  /** The route's own `onRequest` hooks (they run after the app's global ones). */
  onRequest?: FastifyRequestHook | FastifyRequestHook[];
  [option: string]: unknown;
}

/** Whether the app's fastify router already treats `/a/` and `/a` as one route. */
export function fastifyIgnoresTrailingSlash(fastify: FastifyRouting): boolean {
  const config = fastify.initialConfig;
  return Boolean(config.routerOptions?.ignoreTrailingSlash ?? config.ignoreTrailingSlash);
}

/**
 * Registers, next to every route `select` picks, the same route with a trailing slash, so that
 * `/v1/app/api/` and `/v1/app/api` both reach it on a router created with fastify's defaults.
 * Only the picked routes get a twin: the app's own routes keep fastify's answers (its
 * `/products/` stays a 404 if it was one), and no global router option changes. Must run before
 * the routes are registered (fastify calls `onRoute` hooks as each route is added); a router that
 * ignores trailing slashes already needs no twins (it would refuse them as duplicates).
 *
 * Read from fastify 5.x (`onRoute` hooks receive the options `route()` accepts; a route added
 * from a hook runs the hooks too, which the trailing slash ends).
 */
export function serveTrailingSlashTwins(
  fastify: FastifyRouting,
  select: (route: FastifyRouteOptions) => boolean,
): void {
  if (fastifyIgnoresTrailingSlash(fastify)) return;
  fastify.addHook('onRoute', function (route) {
    const url = route.url;
    if (typeof url !== 'string' || url.endsWith('/') || !select(route)) return;
    const own = `${route.prefix ? (route.routePath ?? '') : url}/`;
    // A GET route's HEAD route runs these hooks too and gets its own twin.
    this.route({ ...route, url: own, path: own, exposeHeadRoute: false });
  });
}
