import {
  Controller,
  Get,
  Inject,
  Res,
  SetMetadata,
  UseFilters,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { MindoffClientManifest } from '../client/route-table.type';
import { MindoffExceptionFilter } from '../filters/mindoff-exception.filter';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { MindoffRegistry } from '../registry/mindoff.registry';
import { EnvelopeSender } from '../rendering/envelope.sender';
import { markMindoffRoute } from '../routing/mindoff-route.handler';
import { MindoffRoutes } from '../routing/mindoff-routes';
import { clientManifest } from './client-manifest';

/** Marks the handler as mindoff's, so the router serves it in mindoff's URL forms. */
function MindoffRoute(): MethodDecorator {
  return (target, _key, descriptor) =>
    markMindoffRoute(descriptor.value as object, target.constructor as never);
}

/** Where the route table is served (after the app's global prefix). */
export const CLIENT_MANIFEST_PATH = 'mindoff/apis';

/** @nestjs/swagger's `DECORATORS.API_EXCLUDE_CONTROLLER`, written without loading the optional peer. */
const SWAGGER_EXCLUDE_CONTROLLER = 'swagger/apiExcludeController';

/**
 * `GET /mindoff/apis/`: the route table `mindoff/client` reads (each API version's method, served
 * patterns and mode, and the task base), in a `SUCCESS` envelope. Served with
 * `MindoffModule.forRoot({ clientManifest: true })`; otherwise absent, or (registered by
 * `forRootAsync`) answering `ROUTE_NOT_FOUND`.
 */
@Controller({ path: CLIENT_MANIFEST_PATH, version: VERSION_NEUTRAL })
@SetMetadata(SWAGGER_EXCLUDE_CONTROLLER, [true])
@UseFilters(MindoffExceptionFilter)
export class MindoffClientManifestController {
  private manifest?: MindoffClientManifest;

  constructor(
    private readonly registry: MindoffRegistry,
    private readonly routes: MindoffRoutes,
    private readonly sender: EnvelopeSender,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions,
  ) {}

  @Get()
  @MindoffRoute()
  read(@Res({ passthrough: true }) response: unknown): unknown {
    const { httpStatus, body } = this.options.clientManifest
      ? this.sender.build('SUCCESS', 'success', (this.manifest ??= this.build()))
      : this.sender.build('ROUTE_NOT_FOUND');
    this.adapterHost.httpAdapter.status(response, httpStatus);
    return body;
  }

  private build(): MindoffClientManifest {
    return clientManifest(this.registry.all(), this.routes);
  }
}
