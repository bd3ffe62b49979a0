import {
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type OnModuleInit,
  type Type,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { isObservable, lastValueFrom } from 'rxjs';
import {
  BODYLESS_METHODS,
  MINDOFF_CONTEXT,
  MINDOFF_RESOLVED_OPTIONS,
  MINDOFF_RUN_INLINE,
} from '../mindoff.constants';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { EnqueueAction } from '../queue/enqueue.action';
import { MindoffQueue } from '../queue/mindoff-queue.service';
import { taskRoot } from '../queue/task-root';
import { MindoffRegistry } from '../registry/mindoff.registry';
import { MindoffRoutes } from '../routing/mindoff-routes';
import { ResultRenderer } from '../rendering/result.renderer';
import { Authenticator } from '../auth/authenticator';
import { DirectContext } from './direct-context';
import { DeprecationNotice } from './deprecation.notice';
import type { PayloadCheck } from '../validation';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import { readPayload } from './payload.step';
import { readUpload } from './upload.step';
import { RateLimiter } from '../throttling/rate-limiter';
import { REQUEST_ID_ATTRIBUTE } from '../request-id/request-id';
import { RequestIds } from '../request-id/request-ids';
import { MindoffTelemetry } from '../telemetry/mindoff.telemetry';
import { nodeRequestOf, nodeResponseOf, type AdapterRequest } from '../http/adapter-request';
import { IdempotencyGate } from '../idempotency/idempotency.gate';
import { allowedMethods, allowHeader } from '../http/allowed-methods';

/**
 * The whole mindoff pipeline as one guard, in the original's order: auth → permissions →
 * method → rate limit → payload size → depth → schema. Each refusal is a `MindoffHttpError`
 * the filter turns into its envelope; on success the request carries the context `run()` gets.
 */
@Injectable()
export class MindoffGuard implements CanActivate, OnModuleInit {
  /** Present when a version map brought queue mode into the app. */
  private queue?: MindoffQueue;

  constructor(
    private readonly registry: MindoffRegistry,
    private readonly limiter: RateLimiter,
    private readonly authenticator: Authenticator,
    @Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions,
    private readonly renderer: ResultRenderer,
    private readonly routes: MindoffRoutes,
    private readonly moduleRef: ModuleRef,
    @Inject(MINDOFF_RUN_INLINE) private readonly runInline: boolean,
    private readonly requestIds: RequestIds,
    private readonly telemetry: MindoffTelemetry,
    private readonly deprecation: DeprecationNotice,
    private readonly idempotency: IdempotencyGate,
  ) {}

  onModuleInit(): void {
    try {
      this.queue = this.moduleRef.get(MindoffQueue, { strict: false });
    } catch {
      this.queue = undefined;
    }
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const api = this.registry.get(context.getClass() as Type<unknown>);
    if (!api) throw new MindoffHttpError('API_CONFIG_ERR');
    // The arguments themselves: switchToHttp() adds three new closures to the context per call.
    const request = context.getArgByIndex<AdapterRequest>(0);
    const response = context.getArgByIndex<unknown>(1);
    const raw = nodeRequestOf(request);
    // Echoed first, so every answer from here on (refusals included) carries it.
    const requestId = this.requestIds.stamp(response);
    const rawResponse = nodeResponseOf(response);
    const telemetry = this.telemetry.begin(api, request, rawResponse, this.routes);
    telemetry?.span?.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
    if (api.deprecation) {
      this.deprecation.apply(api, response, request.params as Record<string, unknown>);
    }

    // An API without strategies has no user to wait for.
    const user =
      api.auth.length === 0 ? null : await this.authenticator.user(api.auth, request, response);
    telemetry?.reached('auth');
    for (const permission of api.permissions) {
      const verdict = permission.canActivate(context);
      const allowed = isObservable(verdict) ? await lastValueFrom(verdict) : await verdict;
      if (!allowed) {
        throw new MindoffHttpError(
          user === null && api.auth.length > 0 ? 'NOT_AUTHENTICATED' : 'PERMISSION_DENIED',
        );
      }
    }
    telemetry?.reached('permissions');
    // HEAD is a GET whose body is not sent: the same pipeline and one run(), the adapter (Node's
    // response for a HEAD request) drops the body.
    if (raw.method !== api.method && !(raw.method === 'HEAD' && api.method === 'GET')) {
      const allowed = allowedMethods(api.method);
      throw new MindoffHttpError(
        'INVALID_METHOD',
        { allowed, received: raw.method },
        { Allow: allowHeader(allowed) },
      );
    }
    telemetry?.reached('method');
    const tracker = this.limiter.tracker(user, raw);
    // Counted at once on the in-memory store; awaited only when the store answers later.
    const counting = api.rate && this.limiter.consume(api.urlName, api.rate, tracker, response);
    if (counting) await counting;
    telemetry?.reached('rate_limit');
    const queued = api.processMode === 'queue' && !this.runInline;
    if (queued && isMultipart(raw)) {
      throw new MindoffHttpError('VALIDATION_ERR', {
        reason: 'Queue-mode APIs take JSON bodies; files and multipart forms cannot be queued.',
      });
    }
    // The URL is known before the body: a bad path parameter or query is refused unread.
    const params = api.paramsCheck
      ? ((await checked(api.paramsCheck, request.params)) as Record<string, unknown>)
      : ((request.params ?? {}) as Record<string, unknown>);
    // Unchecked, the query is read when needed: express parses it anew on every read.
    const query = api.queryCheck
      ? ((await checked(api.queryCheck, request.query)) as Record<string, unknown>)
      : undefined;
    if (api.paramsCheck || api.queryCheck) telemetry?.reached('url');
    // Only an API that declares files reads forms (and only forms): JSON requests pay nothing for it.
    const upload = api.uploads ? await readUpload(api, api.uploads, raw) : null;
    const read = upload
      ? upload.payload
      : BODYLESS_METHODS.has(api.method)
        ? {}
        : readPayload(api, raw, request as { body?: unknown });
    // A body that has already arrived is usually read and checked at once: nothing to wait for.
    const payload = read instanceof Promise ? await read : read;
    telemetry?.reached('payload');
    // After every refusal, so a refused request leaves no trace under its key.
    const held = api.idempotency
      ? this.idempotency.admit(
          api.idempotency,
          { raw, response, rawResponse, scope: tracker, requestId },
          {
            urlName: api.urlName,
            version: api.route.version,
            params,
            query: query ?? queryOf(raw, request),
            payload,
            files: upload?.files,
          },
        )
      : null;

    if (queued) {
      if (!this.queue) throw new MindoffHttpError('API_CONFIG_ERR');
      telemetry?.reached('enqueue');
      const enqueue = new EnqueueAction(
        this.queue,
        api,
        {
          payload,
          query: query ?? ((request.query ?? {}) as Record<string, unknown>),
          params,
          user: user === null ? null : this.options.queue.serializeUser(user),
          requestId,
          traceContext: telemetry?.traceContext(),
        },
        this.limiter.ownerOf(user) ?? null,
        taskRoot(raw, this.options, this.routes.taskBase()),
        this.renderer,
        response,
      );
      request[MINDOFF_CONTEXT] = held ? held.around(enqueue) : enqueue;
      return true;
    }
    telemetry?.reached('run');
    const direct = new DirectContext(
      payload,
      query,
      params,
      user,
      api.route.version,
      api.urlName,
      request,
      response,
      rawResponse,
      this.renderer,
      requestId,
      upload?.files,
      api.serializeData,
    );
    request[MINDOFF_CONTEXT] = held ? held.around(direct) : direct;
    return true;
  }
}

/** The value a URL check accepted, or its `INVALID_PAYLOAD` refusal. */
async function checked(check: PayloadCheck, value: unknown): Promise<unknown> {
  const outcome = await check(value);
  if (outcome.issues) throw new MindoffHttpError('INVALID_PAYLOAD', outcome.issues);
  return outcome.value;
}

/** The query as the framework parsed it; `{}` without one (express parses the URL on every read). */
function queryOf(raw: IncomingMessage, request: AdapterRequest): unknown {
  return raw.url?.includes('?') ? (request.query ?? {}) : {};
}

function isMultipart(raw: IncomingMessage): boolean {
  return (raw.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
}
