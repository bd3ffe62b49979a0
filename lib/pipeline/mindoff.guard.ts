import {
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type Type,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isObservable, lastValueFrom } from 'rxjs';
import { BODYLESS_METHODS, MINDOFF_CONTEXT } from '../mindoff.constants';
import { MINDOFF_MODULE_OPTIONS } from '../mindoff.module-definition';
import { MINDOFF_THROTTLER_STORAGE } from './rate-limit-storage.provider';
import type { MindoffModuleOptions } from '../interfaces/mindoff-module-options.interface';
import type { CompiledApi } from '../registry/compiled-api';
import { MindoffRegistry } from '../registry/mindoff.registry';
import { ResultRenderer } from '../rendering/result.renderer';
import { authenticate, hasAuthorizationHeader } from './authenticate';
import { clientIp } from './client-ip';
import { DirectContext } from './direct-context';
import { MindoffHttpError } from './mindoff-http.error';
import { readPayload } from './payload.step';

type AnyRequest = Record<string | symbol, unknown> & { raw?: IncomingMessage };

/**
 * The whole mindoff pipeline as one guard, in the original's order: auth → permissions →
 * method → rate limit → payload size → depth → schema. Each refusal is a `MindoffHttpError`
 * the filter turns into its envelope; on success the request carries the context `run()` gets.
 */
@Injectable()
export class MindoffGuard implements CanActivate {
  private readonly hasCredentials: (request: { headers: Record<string, unknown> }) => boolean;
  private readonly userId: (user: unknown) => string | number | undefined;

  constructor(
    private readonly registry: MindoffRegistry,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(MINDOFF_THROTTLER_STORAGE) private readonly storage: ThrottlerStorage,
    @Inject(MINDOFF_MODULE_OPTIONS) private readonly options: MindoffModuleOptions,
    private readonly renderer: ResultRenderer,
  ) {
    this.hasCredentials = options.hasCredentials ?? hasAuthorizationHeader;
    this.userId = options.userId ?? defaultUserId;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const api = this.registry.get(context.getClass() as Type<unknown>);
    if (!api) throw new MindoffHttpError('API_CONFIG_ERR');
    const http = context.switchToHttp();
    const request = http.getRequest<AnyRequest>();
    const response = http.getResponse<unknown>();
    const raw = (request.raw ?? request) as unknown as IncomingMessage;

    let user: unknown = null;
    if (api.auth.length > 0) {
      user = await authenticate(api.auth, request, response, this.hasCredentials(raw as never));
      request.user = user ?? undefined;
    }
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
    if (api.rate) await this.rateLimit(api, user, raw, response);
    const payload = BODYLESS_METHODS.has(api.method) ? {} : await readPayload(api, raw);

    request[MINDOFF_CONTEXT] = new DirectContext(
      payload,
      (request.query ?? {}) as Record<string, unknown>,
      (request.params ?? {}) as Record<string, string>,
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

  private async rateLimit(
    api: CompiledApi,
    user: unknown,
    raw: IncomingMessage,
    response: unknown,
  ): Promise<void> {
    const rate = api.rate!;
    const id = user === null ? undefined : this.userId(user);
    const tracker =
      id === undefined ? `ip:${clientIp(raw, this.options.trustProxy)}` : `user:${id}`;
    const record = await this.storage.increment(
      `${api.urlName}:${tracker}`,
      rate.ttlMs,
      rate.limit,
      0,
      api.urlName,
    );
    const reset = String(Math.max(0, record.timeToExpire));
    if (record.totalHits > rate.limit) {
      const retryAfter = String(Math.max(1, record.timeToBlockExpire || record.timeToExpire));
      throw new MindoffHttpError(
        'API_RATE_LIMITED',
        { limit: rate.source, retry_after_seconds: Number(retryAfter) },
        {
          'Retry-After': retryAfter,
          'RateLimit-Limit': String(rate.limit),
          'RateLimit-Remaining': '0',
          'RateLimit-Reset': reset,
        },
      );
    }
    const adapter = this.adapterHost.httpAdapter;
    adapter.setHeader(response, 'RateLimit-Limit', String(rate.limit));
    adapter.setHeader(response, 'RateLimit-Remaining', String(rate.limit - record.totalHits));
    adapter.setHeader(response, 'RateLimit-Reset', reset);
  }
}

function defaultUserId(user: unknown): string | number | undefined {
  if (typeof user !== 'object' || user === null) return typeof user === 'string' ? user : undefined;
  const u = user as Record<string, unknown>;
  const id = u.id ?? u.sub ?? u.userId ?? u.username;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}
