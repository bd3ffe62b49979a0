import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { nodeRequestOf, type AdapterRequest } from '../http/adapter-request';
import { markNotFoundHandler, reachesRoute } from '../http/reached-route';
import { BodyDeferral } from './body-deferral';
import { answerRouterRefusalsThroughErrorHandler } from '../http/fastify-router-refusals';
import { toEnvelopeError } from '../errors/to-envelope-error';
import { EnvelopeSender } from '../rendering/envelope.sender';
import { MindoffRoutes } from '../routing/mindoff-routes';

type AnyHandler = (...args: never[]) => unknown;
type HookSetter = (handler: AnyHandler, ...rest: unknown[]) => unknown;
interface HookableAdapter {
  setNotFoundHandler?: HookSetter;
  setErrorHandler?: HookSetter;
}
const ROUTER_REFUSALS = new Set(['FST_ERR_MAX_PARAM_LENGTH', 'FST_ERR_BAD_URL']);

/**
 * Envelopes for what reaches Nest's router hooks instead of a route, without a global exception
 * filter (which would take the app's own filters' place): a miss under mindoff's paths gets its
 * envelope (`INVALID_API_VERSION`, `ROUTE_NOT_FOUND`, `QUEUE_TASK_NOT_FOUND`), and a
 * framework error on a mindoff route (e.g. fastify refusing a malformed Content-Type) gets the
 * envelope of its kind. Everything else goes to Nest's own handlers, as without mindoff.
 */
@Injectable()
export class RouterHooks implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly routes: MindoffRoutes,
    private readonly deferral: BodyDeferral,
    private readonly sender: EnvelopeSender,
  ) {}

  // Runs while Nest initialises, after routes are registered and before its router hooks are.
  onModuleInit(): void {
    const host = this.adapterHost.httpAdapter;
    const adapter = host as unknown as HookableAdapter | undefined;
    if (!adapter?.setNotFoundHandler || !adapter.setErrorHandler) return;
    // Only an app that serves mindoff APIs has paths of mindoff's for the router to refuse.
    if (host.getType() === 'fastify' && this.routes.hasApis()) {
      answerRouterRefusalsThroughErrorHandler(
        adapter as never,
        host.getInstance() as object,
        (raw) => this.routes.explainMiss(raw.url ?? '') !== undefined,
      );
    }
    const setNotFound = adapter.setNotFoundHandler.bind(adapter);
    const setError = adapter.setErrorHandler.bind(adapter);
    // Once mindoff has answered, the wrappers return nothing: fastify would send a returned value.
    adapter.setNotFoundHandler = (handler: AnyHandler, ...rest: unknown[]) => {
      const notFound = (req: AdapterRequest, res: unknown, next: unknown) => {
        if (this.answerMiss(req, res)) return undefined;
        return (handler as (...args: unknown[]) => unknown)(req, res, next);
      };
      markNotFoundHandler(notFound);
      return setNotFound(notFound, ...rest);
    };
    adapter.setErrorHandler = (handler: AnyHandler, ...rest: unknown[]) =>
      setError(
        (error: unknown, req: AdapterRequest, res: unknown, next: unknown) => {
          if (this.answerError(error, req, res)) return undefined;
          return (handler as (...args: unknown[]) => unknown)(error, req, res, next);
        },
        ...rest,
      );
  }

  private answerMiss(req: AdapterRequest, res: unknown): boolean {
    const raw = nodeRequestOf(req);
    const miss = this.routes.explainMiss(req.originalUrl ?? raw.url ?? '');
    if (!miss) return false;
    if (miss.code === 'INVALID_API_VERSION') {
      this.sender.send(
        res,
        miss.code,
        'danger',
        { available_versions: miss.availableVersions },
        {},
      );
    } else {
      this.sender.send(res, miss.code, 'danger', [], {});
    }
    return true;
  }

  private answerError(error: unknown, req: AdapterRequest, res: unknown): boolean {
    // Fastify's router refuses some URLs before routing (an over-long parameter, a malformed
    // escape); under mindoff's paths they are misses like any other.
    if (ROUTER_REFUSALS.has((error as { code?: string } | null)?.code ?? '')) {
      return this.answerMiss(req, res);
    }
    // An error before any route was reached (a body parsed on the way to a miss): still a miss.
    if (!reachesRoute(req, this.adapterHost.httpAdapter) && this.answerMiss(req, res)) return true;
    if (!this.deferral.ownerOf(req)) return false;
    const { code, category, data, headers } = toEnvelopeError(error, this.sender.requestIdOf(req));
    this.sender.send(res, code, category, data, headers);
    return true;
  }
}
