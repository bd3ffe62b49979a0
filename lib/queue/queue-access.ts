import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { authenticate } from '../auth/authenticate';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import { RateLimiter } from '../throttling/rate-limiter';
import type { CompiledApi } from '../registry/compiled-api';
import { MindoffRegistry } from '../registry/mindoff.registry';
import { BrokerUnavailableError } from './broker-unavailable.error';
import { MINDOFF_QUEUE_DRIVER, type QueueDriver } from './queue-driver';
import type { QueueEndpoint } from './queue-endpoints';
import type { TaskRecord } from './task.types';

type AnyRequest = Record<string | symbol, unknown> & { raw?: IncomingMessage };

/** A task the caller may act on, with what was learned on the way. */
export interface TaskAccess {
  task: TaskRecord;
  api: CompiledApi;
  tracker: string;
}

/**
 * Who may reach a task: the endpoint's own limit, then the originating API's auth, then
 * ownership (a stranger gets 404, never 403, so ids cannot be probed), then the task's own
 * limit from the originating API.
 */
@Injectable()
export class QueueAccess {
  constructor(
    @Inject(MINDOFF_QUEUE_DRIVER) readonly driver: QueueDriver,
    private readonly registry: MindoffRegistry,
    private readonly limiter: RateLimiter,
    @Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions,
  ) {}

  /** Applies the endpoint's own limit for the client (before anything is looked up). */
  async endpointLimit(
    endpoint: QueueEndpoint,
    request: AnyRequest,
    response: unknown,
  ): Promise<void> {
    const rate = this.options.queue.endpointLimits[endpoint];
    if (!rate) return;
    await this.limiter.consume(
      `mindoff_queue_${endpoint}`,
      rate,
      this.limiter.tracker(null, rawOf(request)),
      response,
    );
  }

  /**
   * Resolves the task for the caller. `ownerFromTicket` (a consumed stream ticket) replaces
   * authentication.
   */
  async task(
    id: string,
    endpoint: QueueEndpoint,
    request: AnyRequest,
    response: unknown,
    ownerFromTicket?: string | null,
  ): Promise<TaskAccess> {
    const task = await this.lookup(id);
    const api = task ? this.registry.find(task.request.urlName, task.request.version) : undefined;
    if (!task || !api) throw notFound(id);
    let caller: string | null;
    let user: unknown = null;
    if (ownerFromTicket !== undefined) {
      caller = ownerFromTicket;
    } else {
      if (api.auth.length > 0) {
        user = await authenticate(
          api.auth,
          request,
          response,
          this.options.hasCredentials(rawOf(request) as never),
        );
        request.user = user ?? undefined;
      }
      caller = this.limiter.ownerOf(user) ?? null;
    }
    if (task.ownerId !== null && task.ownerId !== caller) throw notFound(id);
    const tracker = caller ?? this.limiter.tracker(null, rawOf(request));
    const rate =
      endpoint === 'detail'
        ? api.queueRates.detail
        : endpoint === 'cancel'
          ? api.queueRates.cancel
          : endpoint === 'retry'
            ? api.queueRates.retry
            : null;
    if (rate)
      await this.limiter.consume(`${api.urlName}:${id}:${endpoint}`, rate, tracker, response);
    return { task, api, tracker };
  }

  /** The list's caller: its owner id, or null when anonymous (anonymous tasks are never listed). */
  async listOwner(request: AnyRequest, response: unknown): Promise<string | null> {
    const strategies = this.options.queue.listAuth ?? [
      ...new Set(
        this.registry
          .all()
          .filter((a) => a.processMode === 'queue')
          .flatMap((a) => a.auth),
      ),
    ];
    if (strategies.length === 0) return null;
    const user = await authenticate(
      strategies,
      request,
      response,
      this.options.hasCredentials(rawOf(request) as never),
    );
    return this.limiter.ownerOf(user) ?? null;
  }

  /** A driver call; an unreachable broker is `QUEUE_SERVICE_UNAVAILABLE`. */
  async broker<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof BrokerUnavailableError) {
        throw new MindoffHttpError('QUEUE_SERVICE_UNAVAILABLE');
      }
      throw error;
    }
  }

  private lookup(id: string): Promise<TaskRecord | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(null);
    return this.broker(() => this.driver.get(id));
  }
}

function notFound(id: string): MindoffHttpError {
  return new MindoffHttpError('QUEUE_TASK_NOT_FOUND', { queue_id: id }, {}, 'warning');
}

function rawOf(request: AnyRequest): IncomingMessage {
  return (request.raw ?? request) as unknown as IncomingMessage;
}
