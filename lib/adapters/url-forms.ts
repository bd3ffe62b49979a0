import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { serveTrailingSlashTwins, type FastifyRouting } from '../http/fastify-url-forms';
import { ownerFromRouteConfig } from '../routing/mindoff-route.handler';

/**
 * Makes the router serve mindoff's URLs in every form mindoff hands out (with and without the
 * trailing slash) without any option of the app's router changing: on fastify each mindoff route
 * gets its trailing-slash twin; express's default (non-strict) routing serves both already.
 * Runs before Nest registers the routes (see `MindoffModule.configure`).
 */
@Injectable()
export class UrlForms {
  private prepared = false;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  beforeRoutes(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (this.prepared || adapter?.getType() !== 'fastify') return;
    this.prepared = true;
    serveTrailingSlashTwins(adapter.getInstance() as FastifyRouting, (route) =>
      Boolean(ownerFromRouteConfig(route.config)),
    );
  }
}
