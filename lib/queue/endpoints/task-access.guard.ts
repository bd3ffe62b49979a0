import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Authenticator } from '../../auth/authenticator';
import { StaffAccess } from './staff-access';
import { MindoffHttpError } from '../../errors/mindoff-http.error';
import type { ResolvedMindoffOptions } from '../../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../../mindoff.constants';
import type { CompiledApi } from '../../registry/compiled-api';
import { MindoffRegistry } from '../../registry/mindoff.registry';
import { RateLimiter } from '../../throttling/rate-limiter';
import { rateLimitPolicy, type RateLimitPolicy } from '../../throttling/rate-limit-policy';
import type { QueueEndpointName } from '../../interfaces/mindoff-queue-options.interface';
import { RequestIds } from '../../request-id/request-ids';
import { MINDOFF_QUEUE_DRIVER, type QueueDriver } from '../queue-driver';
import { streamTicketKey, type StreamTicketBinding } from './stream-ticket';
import { TASK_ENDPOINT_METADATA, type TaskEndpointSpec } from './task-endpoint.decorator';
import type { TaskRecord } from '../task.types';
import { nodeRequestOf, type AdapterRequest } from '../../http/adapter-request';
import { allowedMethods, allowHeader } from '../../http/allowed-methods';

type TaskEndpointRequest = AdapterRequest & { params?: Record<string, string> };

/** Where the guard leaves what it granted, for `@GrantedAccess()`. */
export const TASK_ACCESS = Symbol('mindoff:task-access');

/** What the guard granted on a task endpoint that names a task. */
export interface TaskAccess {
  task: TaskRecord;
  /** The API that created the task (its auth and limits applied). */
  api: CompiledApi;
  /** Who the caller counts as: the task's owner, or the client IP for an anonymous task. */
  tracker: string;
}

/** What the guard granted on the list: whose tasks (null: anonymous, whose tasks are never listed). */
export interface ListAccess {
  owner: string | null;
}

/**
 * The task endpoints' pipeline, read from each endpoint's `@TaskEndpoint()` metadata: method →
 * the endpoint's own limit for the client → for a task: the originating API's auth (or a stream
 * ticket) and ownership (a stranger gets 404, never 403, so ids cannot be probed) → the task's own
 * limit from the originating API. An unreachable broker on the way is `QUEUE_SERVICE_UNAVAILABLE`
 * (mapped once, with every other error, by `toEnvelopeError`).
 */
@Injectable()
export class TaskAccessGuard implements CanActivate {
  /** Each endpoint's own limit (`queue.endpointLimits`), its rate-limit fields written once. */
  private readonly endpointPolicies: Partial<Record<QueueEndpointName, RateLimitPolicy>>;

  constructor(
    private readonly reflector: Reflector,
    @Inject(MINDOFF_QUEUE_DRIVER) private readonly driver: QueueDriver,
    private readonly registry: MindoffRegistry,
    private readonly limiter: RateLimiter,
    private readonly authenticator: Authenticator,
    private readonly staff: StaffAccess,
    @Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions,
    private readonly requestIds: RequestIds,
  ) {
    this.endpointPolicies = {};
    for (const [name, rate] of Object.entries(options.queue.endpointLimits)) {
      if (rate)
        this.endpointPolicies[name as QueueEndpointName] = rateLimitPolicy(
          `mindoff_queue:${name}`,
          rate,
        );
    }
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const endpoint = this.reflector.get<TaskEndpointSpec>(
      TASK_ENDPOINT_METADATA,
      context.getHandler(),
    );
    const http = context.switchToHttp();
    const request = http.getRequest<TaskEndpointRequest>();
    const response = http.getResponse<unknown>();
    const raw = nodeRequestOf(request);
    // Echoed first, so every answer (the stream's included) carries it.
    this.requestIds.stamp(response);
    const method = raw.method ?? '';
    if (method !== endpoint.method && !(method === 'HEAD' && endpoint.method === 'GET')) {
      const allowed = allowedMethods(endpoint.method);
      throw new MindoffHttpError(
        'INVALID_METHOD',
        { allowed, received: method },
        { Allow: allowHeader(allowed) },
      );
    }
    const rate = this.endpointPolicies[endpoint.name];
    if (rate) {
      const client = this.limiter.tracker(null, raw);
      await this.limiter.consume(`mindoff_queue_${endpoint.name}`, rate, client, response);
    }
    if (!endpoint.addressesTask) {
      request[TASK_ACCESS] = {
        owner: await this.listOwner(context, request, response),
      } satisfies ListAccess;
      return true;
    }
    const id = request.params?.id ?? '';
    const ticket = endpoint.name === 'stream' ? request.query?.ticket : undefined;
    const ownerFromTicket =
      typeof ticket === 'string' && ticket !== '' ? await this.redeem(ticket, id) : undefined;
    request[TASK_ACCESS] = await this.task(context, id, endpoint, ownerFromTicket);
    return true;
  }

  /** The task for the caller; `ownerFromTicket` (a redeemed stream ticket) replaces auth. */
  private async task(
    context: ExecutionContext,
    id: string,
    endpoint: TaskEndpointSpec,
    ownerFromTicket: string | null | undefined,
  ): Promise<TaskAccess> {
    const request = context.switchToHttp().getRequest<TaskEndpointRequest>();
    const response = context.switchToHttp().getResponse<unknown>();
    const task = /^[0-9a-f-]{36}$/i.test(id) ? await this.driver.get(id) : null;
    const api = task ? this.registry.find(task.request.urlName, task.request.version) : undefined;
    if (!task || !api) throw notFound(id);
    const user =
      ownerFromTicket !== undefined
        ? null
        : await this.authenticator.user(api.auth, request, response);
    const caller =
      ownerFromTicket !== undefined ? ownerFromTicket : (this.limiter.ownerOf(user) ?? null);
    if (
      task.ownerId !== null &&
      task.ownerId !== caller &&
      !(await this.staff.isStaff(context, user))
    ) {
      throw notFound(id);
    }
    const raw = nodeRequestOf(request);
    const tracker = caller ?? this.limiter.tracker(null, raw);
    const rate = taskRate(api, endpoint.name);
    if (rate) {
      await this.limiter.consume(`${api.urlName}:${id}:${endpoint.name}`, rate, tracker, response);
    }
    return { task, api, tracker };
  }

  /**
   * Whose tasks the list shows: the caller's, authenticated by `queue.listAuth` or every
   * queue-mode API's strategies; staff may name another user with `?owner=<user id>`.
   */
  private async listOwner(
    context: ExecutionContext,
    request: TaskEndpointRequest,
    response: unknown,
  ): Promise<string | null> {
    const strategies = this.options.queue.listAuth ?? [
      ...new Set(
        this.registry
          .all()
          .filter((a) => a.processMode === 'queue')
          .flatMap((a) => a.auth),
      ),
    ];
    const user = await this.authenticator.user(strategies, request, response);
    const asked = request.query?.owner;
    if (typeof asked === 'string' && asked !== '') {
      if (!(await this.staff.isStaff(context, user)))
        throw new MindoffHttpError('PERMISSION_DENIED');
      return `user:${asked}`;
    }
    return this.limiter.ownerOf(user) ?? null;
  }

  /**
   * A stream ticket: single-use (taken on first sight) and bound to one task. A ticket for
   * another task is burned and ignored; an unknown one is ignored (normal auth applies).
   */
  private async redeem(ticket: string, id: string): Promise<string | null | undefined> {
    const stored = await this.driver.ephemeral.takeOnce(streamTicketKey(ticket));
    if (stored === null) return undefined;
    const bound = JSON.parse(stored) as StreamTicketBinding;
    return bound.taskId === id ? bound.ownerId : undefined;
  }
}

function taskRate(api: CompiledApi, endpoint: TaskEndpointSpec['name']) {
  switch (endpoint) {
    case 'detail':
    case 'cancel':
    case 'retry':
      return api.queueRates[endpoint];
    default:
      return null;
  }
}

function notFound(id: string): MindoffHttpError {
  return new MindoffHttpError('QUEUE_TASK_NOT_FOUND', { queue_id: id }, {}, 'warning');
}
