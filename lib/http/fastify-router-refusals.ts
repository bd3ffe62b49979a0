import { fastifyRouteContext } from './fastify-route-context';

interface NestFastifyAdapter {
  securityHook?: (request: object, raw: unknown) => unknown;
}

/**
 * Fastify's router refuses some URLs before any route or hook runs (a parameter over
 * `maxParamLength`, a malformed escape) and answers them through the error handler it had when it
 * was created, not the app's. Nest's adapter calls its security hook on exactly those requests
 * first; for paths under mindoff's, mindoff's hook points them at the app's current error handler
 * (Nest's, which mindoff's `RouterHooks` wraps), so a 1,000-character task id gets the same
 * envelope as any other miss.
 * Any security hook the app registers still runs, unchanged.
 */
export function answerRouterRefusalsThroughErrorHandler(
  adapter: NestFastifyAdapter,
  fastify: object,
  isMindoffPath: (raw: { method?: string; url?: string }) => boolean,
): void {
  const errorHandlerKey = Object.getOwnPropertySymbols(fastify).find(
    (symbol) => symbol.description === 'fastify.errorHandler',
  );
  if (!errorHandlerKey) return;
  let appHook = adapter.securityHook;
  const hook = (request: object, raw: unknown): unknown => {
    // Requests the router refused carry no params (fastify builds them with `params: null`);
    // only those under mindoff's paths are redirected, the rest keep fastify's own answer.
    const refused = request as { params?: unknown; raw?: { method?: string; url?: string } };
    if (refused.params === null && refused.raw && isMindoffPath(refused.raw)) {
      const context = fastifyRouteContext(request) as { errorHandler?: unknown } | undefined;
      if (context) context.errorHandler = (fastify as Record<symbol, unknown>)[errorHandlerKey];
    }
    return appHook?.(request, raw);
  };
  Object.defineProperty(adapter, 'securityHook', {
    configurable: true,
    get: () => hook,
    set: (value: NestFastifyAdapter['securityHook']) => {
      appHook = value;
    },
  });
}
