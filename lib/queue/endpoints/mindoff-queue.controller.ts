import {
  Controller,
  Inject,
  Req,
  Res,
  SetMetadata,
  UseFilters,
  UseGuards,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { MindoffExceptionFilter } from '../../filters/mindoff-exception.filter';
import { nodeRequestOf, nodeResponseOf, type AdapterRequest } from '../../http/adapter-request';
import { takeOverResponse } from '../../http/response-takeover';
import type { ResolvedMindoffOptions } from '../../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS, MINDOFF_TASK_ENDPOINTS } from '../../mindoff.constants';
import { EnvelopeSender } from '../../rendering/envelope.sender';
import type { Category } from '../../responses';
import { MindoffTelemetry } from '../../telemetry/mindoff.telemetry';
import { MindoffRoutes } from '../../routing/mindoff-routes';
import { GrantedAccess } from './granted-access.decorator';
import { MINDOFF_QUEUE_DRIVER, type QueueDriver } from '../queue-driver';
import { QUEUE_BASE_PATH } from './queue-endpoints';
import { statusStream } from './status-stream';
import { endAsEventStreamHead, writeEventStream } from './event-stream';
import { acquireStreamSlot } from './stream-slot';
import { streamTicketKey, type StreamTicketBinding } from './stream-ticket';
import { TaskAccessGuard, type ListAccess, type TaskAccess } from './task-access.guard';
import { TaskEndpoint } from './task-endpoint.decorator';
import { listPage } from '../task-list';
import { taskRoot } from '../task-root';
import { taskUrls } from '../task-urls';
import { listItem, taskView } from './task-view';
import { TERMINAL_STATUSES } from '../task.types';

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
    @Req() request: AdapterRequest,
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

  @TaskEndpoint('stream', 'GET', ':id/stream')
  async stream(
    @GrantedAccess() { task, api, tracker }: TaskAccess,
    @Req() request: AdapterRequest,
    @Res() response: unknown,
  ): Promise<void> {
    if (nodeRequestOf(request).method === 'HEAD') {
      endAsEventStreamHead(takeOverResponse(response));
      return;
    }
    const header = Number(nodeRequestOf(request).headers['last-event-id']);
    const lastEventId = Number.isFinite(header) && header > 0 ? header : undefined;
    if (
      lastEventId !== undefined &&
      TERMINAL_STATUSES.has(task.status) &&
      task.updatedAt <= lastEventId
    ) {
      // The client saw the end already: 204 tells EventSource to stop reconnecting.
      const raw = takeOverResponse(response);
      raw.statusCode = 204;
      raw.end();
      return;
    }
    const owner = task.ownerId ?? tracker;
    const release = await acquireStreamSlot(
      this.driver.ephemeral,
      owner,
      api.streamLimit,
      nodeResponseOf(response),
    );
    // Written to the Node response directly (see writeEventStream): the app's interceptors wrap
    // the handler, not each event.
    await writeEventStream(
      takeOverResponse(response),
      statusStream(this.driver, task, {
        heartbeatMs: this.options.queue.heartbeatSeconds * 1000,
        lastEventId,
        release,
      }),
    );
  }

  @TaskEndpoint('streamTicket', 'POST', ':id/stream-ticket')
  async streamTicket(
    @GrantedAccess() { task }: TaskAccess,
    @Req() request: AdapterRequest,
    @Res({ passthrough: true }) response: unknown,
  ) {
    const ticket = randomBytes(32).toString('base64url');
    const ttlSeconds = this.options.queue.streamTicketTtlSeconds;
    const binding: StreamTicketBinding = { taskId: task.id, ownerId: task.ownerId };
    await this.driver.ephemeral.putOnce(
      streamTicketKey(ticket),
      JSON.stringify(binding),
      ttlSeconds * 1000,
    );
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
    @Req() request: AdapterRequest,
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
  private root(request: AdapterRequest): string {
    return taskRoot(nodeRequestOf(request), this.options, this.routes.taskBase());
  }

  private reply(response: unknown, code: string, category: Category, data: unknown): unknown {
    const { httpStatus, body } = this.sender.build(code, category, data);
    this.adapterHost.httpAdapter.status(response, httpStatus);
    return body;
  }
}
