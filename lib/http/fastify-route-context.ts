import { Logger } from '@nestjs/common';

/** A route's context in fastify: its config, and the content-type parser its requests go through. */
export interface FastifyRouteContext {
  config?: unknown;
  contentTypeParser: unknown;
}

const FASTIFY_INTERNALS_CHANGED =
  'MindoffModule: this fastify version does not expose the route context (fastify.context) mindoff uses to read request bodies itself on its routes; bodies parsed by fastify are used where their size is provable and refused otherwise. Use fastify 5.';

let contextKey: symbol | undefined;
let warned = false;

/**
 * The context of the route a fastify request reached. Fastify keeps it under a symbol it does not
 * export (`fastify.context`, stable since fastify 4); it is looked up by name once. Should a
 * fastify version hide it, mindoff logs it once and reads the bodies fastify parsed instead (the
 * pipeline then refuses what it cannot prove, never running with a lost body).
 */
export function fastifyRouteContext(request: object): FastifyRouteContext | undefined {
  contextKey ??= Object.getOwnPropertySymbols(request).find(
    (symbol) => symbol.description === 'fastify.context',
  );
  const context = contextKey && (request as Record<symbol, FastifyRouteContext>)[contextKey];
  if (!context && !warned) {
    warned = true;
    new Logger('Mindoff').error(FASTIFY_INTERNALS_CHANGED);
  }
  return context || undefined;
}
