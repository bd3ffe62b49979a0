import { Injectable, type OnModuleInit, type Type } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { mindoffRouteOwner, ownerFromRouteConfig } from '../routing/mindoff-route.handler';
import { leaveContentTypeToPipeline } from '../http/fastify-content-type';
import { literalRoutesFirst } from '../http/express-route-order';
import { ExpressMindoffRoutes, type ExpressLayer } from '../http/express-mindoff-routes';
import { fastifyRouteContext } from '../http/fastify-route-context';
import type {
  FastifyRequestHook,
  FastifyRouteOptions,
  FastifyRouting,
} from '../http/fastify-url-forms';

type Next = (error?: unknown) => void;
interface ExpressApp {
  router?: { stack?: ExpressLayer[] };
  enabled?(setting: string): boolean;
  use(handler: (req: never, res: unknown, next: Next) => void): unknown;
}
type Handler = (req: never, res: unknown, next: Next) => void;

/** The body parsers express apps get from Nest (and from `express.json()` and friends). */
const EXPRESS_PARSERS = new Set(['jsonParser', 'urlencodedParser', 'textParser', 'rawParser']);

/** A content-type "parser" for mindoff's fastify routes: it leaves the body unread for the pipeline. */
const LEAVE_UNREAD = {
  run(
    _type: string,
    handler: (req: unknown, reply: unknown) => void,
    req: unknown,
    reply: unknown,
  ) {
    handler(req, reply);
  },
};

/**
 * The `onRequest` hook of mindoff's fastify routes. Fastify finds the route before it parses the
 * body: the body is left for the pipeline, whatever parsers the app registered for other routes.
 */
function leaveBodyToPipeline(request: object, _reply: unknown, done: () => void): void {
  const context = fastifyRouteContext(request);
  if (context) {
    context.contentTypeParser = LEAVE_UNREAD;
    leaveContentTypeToPipeline(request);
  }
  done();
}

/**
 * Keeps the framework's body parsers off mindoff routes, so the pipeline reads each body itself:
 * after auth and the rate limit, against the API's own size limit, counting bytes actually
 * received. Routes are recognised by the router that serves them (see `mindoffRouteHandler`), so
 * every prefix and URL form the router accepts is covered; other routes keep their parsers,
 * untouched. On fastify the hook is the route's own, so the app's routes run no code of mindoff's.
 */
@Injectable()
export class BodyDeferral implements OnModuleInit {
  private express?: ExpressMindoffRoutes;
  private prepared = false;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** On express, once the routes are registered: recognises mindoff's and wraps the body parsers. */
  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return;
    const type = adapter.getType();
    if (type === 'express') this.deferExpress(adapter.getInstance());
  }

  /**
   * On fastify, gives each mindoff route its `onRequest` hook as the route is added: must run before
   * Nest registers the routes (see `MindoffModule.configure`). Express is prepared once its routes
   * are known (`onModuleInit`).
   */
  beforeRoutes(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (this.prepared || adapter?.getType() !== 'fastify') return;
    this.prepared = true;
    (adapter.getInstance() as FastifyRouting).addHook('onRoute', (route) => {
      if (ownerFromRouteConfig(route.config)) route.onRequest = withOwnHook(route.onRequest);
    });
  }

  /** The mindoff class a request reaches (an API, or the task endpoints), or undefined. */
  ownerOf(request: unknown): Type<unknown> | undefined {
    if (this.express) return this.express.ownerOf(request as never) ?? undefined;
    const fastify = request as { routeOptions?: { config?: unknown } };
    return ownerFromRouteConfig(fastify.routeOptions?.config);
  }

  private deferExpress(app: ExpressApp): void {
    const stack = app.router?.stack ?? [];
    literalRoutesFirst(stack, mindoffRouteOwner);
    const routes = (this.express = new ExpressMindoffRoutes(stack, mindoffRouteOwner));
    if (routes.empty) return;
    const strict = app.enabled?.('strict routing') === true;
    // The first layer decides for the whole request, before any parser (even one mounted on a
    // sub-path, which would see a trimmed URL) asks.
    app.use((req: never, _res: unknown, next: Next) => {
      if (strict) routes.servedForm(req);
      routes.recognise(req);
      next();
    });
    stack.unshift(stack.pop()!);
    for (const layer of stack) {
      const original = layer.handle as Handler | undefined;
      if (!original || layer.route || !EXPRESS_PARSERS.has(original.name)) continue;
      const wrapped: Handler = (req, res, next) =>
        routes.defers(req) ? next() : original(req, res, next);
      Object.defineProperty(wrapped, 'name', { value: original.name });
      layer.handle = wrapped as never;
    }
  }
}

/** A route's `onRequest` hooks with mindoff's last (once: a route copied from another may have it). */
function withOwnHook(hooks: FastifyRouteOptions['onRequest']): FastifyRequestHook[] {
  const own = hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
  return own.includes(leaveBodyToPipeline) ? own : [...own, leaveBodyToPipeline];
}
