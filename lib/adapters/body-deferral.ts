import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { MINDOFF_DEFERRED_BODY } from '../mindoff.constants';
import { fastifyTrailingSlash, MindoffConfigurationError } from '../mindoff.messages';
import { readBody } from '../pipeline/body.reader';
import { MindoffRegistry } from '../registry/mindoff.registry';

type Next = (error?: unknown) => void;
type Handler = (req: IncomingMessage, res: unknown, next: Next) => void;
type Done = (error: Error | null, body?: unknown) => void;

const EXPRESS_PARSERS = new Set(['jsonParser', 'urlencodedParser', 'textParser', 'rawParser']);

interface FastifyLike {
  initialConfig: {
    bodyLimit?: number;
    ignoreTrailingSlash?: boolean;
    routerOptions?: { ignoreTrailingSlash?: boolean };
    onProtoPoisoning?: string;
    onConstructorPoisoning?: string;
  };
  getDefaultJsonParser(
    proto: string,
    ctor: string,
  ): (req: unknown, body: string, done: Done) => void;
  hasContentTypeParser(type: string): boolean;
  removeContentTypeParser(type: string): void;
  addContentTypeParser(
    type: string,
    parser: (req: FastifyReq, payload: IncomingMessage, done: Done) => void,
  ): void;
}
interface FastifyReq {
  url: string;
  routeOptions?: { bodyLimit?: number };
}

/**
 * Keeps the framework's body parsers off mindoff routes, so the pipeline reads each body itself:
 * after auth and the rate limit, against the API's own size limit (not the global one), counting
 * bytes actually received. Other routes keep their parsers untouched.
 */
@Injectable()
export class BodyDeferral implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly registry: MindoffRegistry,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return;
    const type = adapter.getType();
    if (type === 'express') this.express(adapter.getInstance());
    if (type === 'fastify') this.fastify(adapter.getInstance() as FastifyLike);
  }

  private isMindoff(url: string): boolean {
    return this.registry.routes.match(url) !== undefined;
  }

  /** Whether express parsers skip this request; decided once per request (several parsers ask). */
  private deferExpress(req: IncomingMessage & { [MINDOFF_DEFERRED_BODY]?: boolean }): boolean {
    return (req[MINDOFF_DEFERRED_BODY] ??= this.isMindoff(req.url ?? ''));
  }

  private express(app: { router?: { stack?: { handle?: Handler }[] } }): void {
    for (const layer of app.router?.stack ?? []) {
      const original = layer.handle;
      if (!original || !EXPRESS_PARSERS.has(original.name)) continue;
      const wrapped: Handler = (req, res, next) =>
        this.isMindoff(req.url ?? '') ? next() : original(req, res, next);
      Object.defineProperty(wrapped, 'name', { value: original.name });
      layer.handle = wrapped;
    }
  }

  private fastify(fastify: FastifyLike): void {
    const config = fastify.initialConfig;
    if (!(config.routerOptions?.ignoreTrailingSlash ?? config.ignoreTrailingSlash)) {
      throw new MindoffConfigurationError([fastifyTrailingSlash()]);
    }
    const json = fastify.getDefaultJsonParser(
      config.onProtoPoisoning ?? 'error',
      config.onConstructorPoisoning ?? 'error',
    );
    const globalLimit = config.bodyLimit ?? 1048576;
    if (fastify.hasContentTypeParser('application/json'))
      fastify.removeContentTypeParser('application/json');
    fastify.addContentTypeParser('application/json', (req, payload, done) => {
      if (this.isMindoff(req.url)) return done(null, undefined);
      readBody(payload, req.routeOptions?.bodyLimit ?? globalLimit).then(
        (bytes) => json(req, bytes.toString('utf8'), done),
        () =>
          done(
            Object.assign(new Error('Request body is too large'), {
              statusCode: 413,
              code: 'FST_ERR_CTP_BODY_TOO_LARGE',
            }),
          ),
      );
    });
    if (!fastify.hasContentTypeParser('*')) {
      fastify.addContentTypeParser('*', (req, _payload, done) =>
        this.isMindoff(req.url)
          ? done(null, undefined)
          : done(
              Object.assign(new Error('Unsupported Media Type'), {
                statusCode: 415,
                code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
              }),
            ),
      );
    }
  }
}
