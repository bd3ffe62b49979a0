import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RequestIds } from '../request-id/request-ids';
import { withRequestId } from '../request-id/request-scope';
import type { FastifyLike } from './fastify-route-context';

type Next = (error?: unknown) => void;
interface ExpressApp {
  router?: { stack?: unknown[] };
  use(handler: (req: object, res: unknown, next: Next) => void): unknown;
}

/**
 * Assigns each request its id as it arrives (the first middleware in express, an `onRequest` hook
 * in fastify) and runs the rest of its handling in that request's scope, so every log line mindoff
 * writes for it carries the id. Nothing is written to the response here: only the answers mindoff
 * writes echo the id (see `RequestIds.stamp`), so other routes answer as without mindoff.
 */
@Injectable()
export class RequestScopeHooks implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly requestIds: RequestIds,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return;
    const type = adapter.getType();
    if (type === 'express') this.scopeExpress(adapter.getInstance());
    if (type === 'fastify') this.scopeFastify(adapter.getInstance() as FastifyLike);
  }

  private scopeExpress(app: ExpressApp): void {
    app.use((req, _res, next) => withRequestId(this.requestIds.of(req), () => next()));
    // Routes are registered already: the scope must open before any of them (and any parser) runs.
    const stack = app.router?.stack;
    if (stack) stack.unshift(stack.pop());
  }

  private scopeFastify(fastify: FastifyLike): void {
    fastify.addHook('onRequest', (request, _reply, done) =>
      withRequestId(this.requestIds.of(request), done),
    );
  }
}
