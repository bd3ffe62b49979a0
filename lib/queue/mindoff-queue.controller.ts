import {
  Controller,
  Inject,
  Req,
  Res,
  SetMetadata,
  UseFilters,
  UseGuards,
  VERSION_NEUTRAL,
  type MessageEvent,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EMPTY, type Observable } from 'rxjs';
import { MindoffExceptionFilter } from '../filters/mindoff-exception.filter';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS, MINDOFF_TASK_ENDPOINTS } from '../mindoff.constants';
import { EnvelopeSender } from '../rendering/envelope.sender';
import type { Category } from '../responses';
import { MindoffTelemetry } from '../telemetry/mindoff.telemetry';
import { MindoffRoutes } from '../routing/mindoff-routes';
import { GrantedAccess } from './granted-access.decorator';
import { MINDOFF_QUEUE_DRIVER, type QueueDriver } from './queue-driver';
import { QUEUE_BASE_PATH } from './queue-endpoints';
import { statusStream } from './status-stream';
import { acquireStreamSlot } from './stream-slot';
import { streamTicketKey, type StreamTicketBinding } from './stream-ticket';
import { TaskAccessGuard, type ListAccess, type TaskAccess } from './task-access.guard';
import { TaskEndpoint } from './task-endpoint.decorator';
import { listPage } from './task-list';
import { taskRoot } from './task-root';
import { taskUrls } from './task-urls';
import { listItem, taskView } from './task-view';
import { TERMINAL_STATUSES } from './task.types';

type AnyRequest = Record<string | symbol, unknown> & {
  raw?: IncomingMessage;
  query?: Record<string, unknown>;
};

/**
 * The task endpoints under `/mindoff/queue/`: list, detail, status stream (SSE), stream ticket,
 * cancel and retry, each answering in the envelope. Who may call them, and how often, is decided
 * before each handler by `TaskAccessGuard` (task-addressed ones borrow the originating API's auth
 * and limits); the handlers only act on the granted task.
 */
@Controller({ path: QUEUE_BASE_PATH, version: VERSION_NEUTRAL })
@SetMetadata(MINDOFF_TASK_ENDPOINTS, true)
@UseGuards(TaskAccessGuard)
@UseFilters(MindoffExceptionFilter)
export class MindoffQueueController {
  constructor(
    @Inject(MINDOFF_QUEUE_DRIVER) private readonly driver: QueueDriver,
    private readonly sender: EnvelopeSender,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions,
    private readonly routes: MindoffRoutes,
    private readonly telemetry: MindoffTelemetry,
  ) {}

  @TaskEndpoint('list', 'GET', 'list')
  async list(
    @GrantedAccess() { owner }: ListAccess,
    @Req() request: AnyRequest,
    @Res({ passthrough: true }) response: unknown,
  ) {
    const page = await listPage(this.driver, owner, request.query ?? {});
    return this.reply(response, 'SUCCESS', 'success', { ...page, tasks: page.tasks.map(listItem) });
  }

  @TaskEndpoint('detail', 'GET', ':id')
  detail(@GrantedAccess() { task }: TaskAccess, @Res({ passthrough: true }) response: unknown) {
    const view = taskView(task);
    if (!view.stored) return this.reply(response, view.code, view.category, view.data);
    this.adapterHost.httpAdapter.status(response, view.httpStatus);
    return view.body;
  }

  @TaskEndpoint('stream', 'GET', ':id/stream', { sse: true })
  async stream(
    @GrantedAccess() { task, api, tracker }: TaskAccess,
    @Req() request: AnyRequest,
    @Res({ passthrough: true }) response: unknown,
  ): Promise<Observable<MessageEvent>> {
    const header = Number(rawOf(request).headers['last-event-id']);
    const lastEventId = Number.isFinite(header) && header > 0 ? header : undefined;
    if (
      lastEventId !== undefined &&
      TERMINAL_STATUSES.has(task.status) &&
      task.updatedAt <= lastEventId
    ) {
      // The client saw the end already: 204 tells EventSource to stop reconnecting.
      this.adapterHost.httpAdapter.status(response, 204);
      rawResponseOf(response).statusCode = 204;
      return EMPTY;
    }
    const owner = task.ownerId ?? tracker;
    const release = await acquireStreamSlot(
      this.driver,
      owner,
      api.streamLimit,
      rawResponseOf(response),
    );
    return statusStream(this.driver, task, {
      heartbeatMs: this.options.queue.heartbeatSeconds * 1000,
      lastEventId,
      release,
    });
  }

  @TaskEndpoint('streamTicket', 'POST', ':id/stream-ticket')
  async streamTicket(
    @GrantedAccess() { task }: TaskAccess,
    @Req() request: AnyRequest,
    @Res({ passthrough: true }) response: unknown,
  ) {
    const ticket = randomBytes(32).toString('base64url');
    const ttlSeconds = this.options.queue.streamTicketTtlSeconds;
    const binding: StreamTicketBinding = { taskId: task.id, ownerId: task.ownerId };
    await this.driver.putOnce(streamTicketKey(ticket), JSON.stringify(binding), ttlSeconds * 1000);
    const urls = taskUrls(this.root(request), task.id);
    return this.reply(response, 'SUCCESS', 'success', {
      queue_id: task.id,
      ticket,
      expires_in: ttlSeconds,
      status_stream_url: `${urls.status_stream_url}?ticket=${ticket}`,
    });
  }

  @TaskEndpoint('cancel', 'POST', ':id/cancel')
  async cancel(
    @GrantedAccess() { task }: TaskAccess,
    @Res({ passthrough: true }) response: unknown,
  ) {
    const result = await this.driver.cancel(task.id);
    if (result === 'cancelled') this.telemetry.taskCancelledWhileQueued(task);
    if (result !== 'not_cancellable') {
      return this.reply(response, 'SUCCESS', 'success', { queue_id: task.id, job_status: result });
    }
    const now = await this.driver.get(task.id);
    return this.reply(response, 'QUEUE_TASK_NOT_CANCELLABLE', 'warning', {
      queue_id: task.id,
      job_status: now?.status ?? task.status,
    });
  }

  @TaskEndpoint('retry', 'POST', ':id/retry')
  async retry(
    @GrantedAccess() { task }: TaskAccess,
    @Req() request: AnyRequest,
    @Res({ passthrough: true }) response: unknown,
  ) {
    if (!(await this.driver.retry(task.id))) {
      return this.reply(response, 'QUEUE_TASK_NOT_RETRIABLE', 'warning', {
        queue_id: task.id,
        job_status: task.status,
      });
    }
    return this.reply(response, 'QUEUED', 'success', {
      queue_id: task.id,
      ...taskUrls(this.root(request), task.id),
    });
  }

  /** Where the task endpoints answer, as the client reached this one. */
  private root(request: AnyRequest): string {
    return taskRoot(rawOf(request), this.options, this.routes.taskBase());
  }

  private reply(response: unknown, code: string, category: Category, data: unknown): unknown {
    const { httpStatus, body } = this.sender.build(code, category, data);
    this.adapterHost.httpAdapter.status(response, httpStatus);
    return body;
  }
}

function rawResponseOf(response: unknown): ServerResponse {
  return ((response as { raw?: ServerResponse }).raw ?? response) as ServerResponse;
}

function rawOf(request: AnyRequest): IncomingMessage {
  return (request.raw ?? request) as unknown as IncomingMessage;
}
