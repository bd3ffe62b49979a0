import {
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type OnModuleInit,
  type Type,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
import { MindoffHttpError } from '../errors/mindoff-http.error';
import { readPayload } from './payload.step';
import { RateLimiter } from '../throttling/rate-limiter';

type AnyRequest = Record<string | symbol, unknown> & { raw?: IncomingMessage };

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
    const http = context.switchToHttp();
    const request = http.getRequest<AnyRequest>();
    const response = http.getResponse<unknown>();
    const raw = (request.raw ?? request) as unknown as IncomingMessage;

    const user = await this.authenticator.user(api.auth, request, response);
    for (const permission of api.permissions) {
      const verdict = permission.canActivate(context);
      const allowed = isObservable(verdict) ? await lastValueFrom(verdict) : await verdict;
      if (!allowed) {
        throw new MindoffHttpError(
          user === null && api.auth.length > 0 ? 'NOT_AUTHENTICATED' : 'PERMISSION_DENIED',
        );
      }
    }
    if (raw.method !== api.method) {
      throw new MindoffHttpError(
        'INVALID_METHOD',
        { allowed: [api.method], received: raw.method },
        { Allow: api.method },
      );
    }
    const tracker = this.limiter.tracker(user, raw);
    if (api.rate) await this.limiter.consume(api.urlName, api.rate, tracker, response);
    const queued = api.processMode === 'queue' && !this.runInline;
    if (queued && isMultipart(raw)) {
      throw new MindoffHttpError('VALIDATION_ERR', {
        reason: 'Queue-mode APIs take JSON bodies; files and multipart forms cannot be queued.',
      });
    }
    const payload = BODYLESS_METHODS.has(api.method)
      ? {}
      : await readPayload(api, raw, request as { body?: unknown });
    const query = (request.query ?? {}) as Record<string, unknown>;
    const params = (request.params ?? {}) as Record<string, string>;

    if (queued) {
      if (!this.queue) throw new MindoffHttpError('API_CONFIG_ERR');
      request[MINDOFF_CONTEXT] = new EnqueueAction(
        this.queue,
        api,
        {
          payload,
          query,
          params,
          user: user === null ? null : this.options.queue.serializeUser(user),
        },
        this.limiter.ownerOf(user) ?? null,
        taskRoot(raw, this.options, this.routes.taskBase()),
        this.renderer,
        response,
      );
      return true;
    }
    request[MINDOFF_CONTEXT] = new DirectContext(
      payload,
      query,
      params,
      user,
      api.route.version,
      api.urlName,
      request,
      response,
      ((response as { raw?: ServerResponse }).raw ?? response) as ServerResponse,
      this.renderer,
    );
    return true;
  }
}

function isMultipart(raw: IncomingMessage): boolean {
  return (raw.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
}
