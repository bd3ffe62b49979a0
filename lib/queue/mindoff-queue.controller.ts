import {
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Req,
  Res,
  SetMetadata,
  Sse,
  UseFilters,
  VERSION_NEUTRAL,
  type MessageEvent,
} from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { HttpAdapterHost } from '@nestjs/core';
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EMPTY, type Observable } from 'rxjs';
import { MindoffExceptionFilter } from '../filters/mindoff-exception.filter';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS, MINDOFF_TASK_ENDPOINTS } from '../mindoff.constants';
import { markMindoffRoute } from '../routing/mindoff-route.handler';
import { MindoffRoutes } from '../routing/mindoff-routes';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import { EnvelopeSender } from '../rendering/envelope.sender';
import type { Category } from '../responses';
import { QueueAccess } from './queue-access';
import { QUEUE_BASE_PATH } from './queue-endpoints';
import { statusStream } from './status-stream';
import { TERMINAL_STATUSES } from './task.types';
import { taskRoot } from './task-root';
import { taskUrls } from './task-urls';
import { listItem, taskView } from './task-view';

type AnyRequest = Record<string | symbol, unknown> & {
  raw?: IncomingMessage;
  query?: Record<string, unknown>;
};

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

/**
 * The task endpoints under `/mindoff/queue/`: detail, list, status stream (SSE), stream
 * ticket, cancel and retry. Each answers in the envelope; task-addressed ones borrow the
 * originating API's auth and limits (see `QueueAccess`).
 */
@Controller({ path: QUEUE_BASE_PATH, version: VERSION_NEUTRAL })
@SetMetadata(MINDOFF_TASK_ENDPOINTS, true)
@UseFilters(MindoffExceptionFilter)
export class MindoffQueueController {
  constructor(
    private readonly access: QueueAccess,
    private readonly sender: EnvelopeSender,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions,
    private readonly routes: MindoffRoutes,
  ) {}

  /** Where the task endpoints answer, as the client reached this one. */
  private root(request: AnyRequest): string {
    return taskRoot(rawOf(request), this.options, this.routes.taskBase());
  }

  @Get('list')
  async list(@Req() request: AnyRequest, @Res({ passthrough: true }) response: unknown) {
    await this.access.endpointLimit('list', request, response);
    const owner = await this.access.listOwner(request, response);
    const query = request.query ?? {};
    const pageSize = clamp(integer(query.page_size) ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    let page = Math.max(1, integer(query.page) ?? 1);
    const filters = {
      id: text(query.id),
      status: text(query.job_status),
      urlName: text(query.api_url_name),
    };
    let result = { tasks: [] as ReturnType<typeof listItem>[], count: 0 };
    if (owner !== null) {
      const run = (p: number) =>
        this.access.broker(() =>
          this.access.driver.list({ ownerId: owner, ...filters, page: p, pageSize }),
        );
      let found = await run(page);
      const totalPages = Math.max(1, Math.ceil(found.count / pageSize));
      if (page > totalPages) {
        page = totalPages;
        found = await run(page);
      }
      result = { tasks: found.tasks.map(listItem), count: found.count };
    }
    const totalPages = Math.max(1, Math.ceil(result.count / pageSize));
    return this.reply(response, 'SUCCESS', 'success', {
      tasks: result.tasks,
      count: result.count,
      page,
      page_size: pageSize,
      total_pages: totalPages,
      has_next: page < totalPages,
      has_previous: page > 1,
    });
  }

  @Get(':id')
  async detail(
    @Param('id') id: string,
    @Req() request: AnyRequest,
    @Res({ passthrough: true }) response: unknown,
  ) {
    await this.access.endpointLimit('detail', request, response);
    const { task } = await this.access.task(id, 'detail', request, response);
    const view = taskView(task);
    if (view.stored) {
      this.adapterHost.httpAdapter.status(response, view.httpStatus);
      return view.body;
    }
    return this.reply(response, view.code, view.category, view.data);
  }

  @Sse(':id/stream')
  async stream(
    @Param('id') id: string,
    @Req() request: AnyRequest,
    @Res({ passthrough: true }) response: unknown,
  ): Promise<Observable<MessageEvent>> {
    await this.access.endpointLimit('stream', request, response);
    const ticket = text(request.query?.ticket);
    const owner = ticket === undefined ? undefined : await this.redeem(ticket, id);
    const { task, api, tracker } = await this.access.task(id, 'stream', request, response, owner);
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
    const release = await this.acquireStreamSlot(
      task.ownerId ?? tracker,
      api.streamLimit,
      response,
    );
    return statusStream(this.access.driver, task, {
      heartbeatMs: this.options.queue.heartbeatSeconds * 1000,
      lastEventId,
      release,
    });
  }

  /**
   * Takes one of the owner's stream slots (or refuses with a JSON 429). The slot is given back
   * exactly once: when the stream ends, or when the client leaves, even before the stream started.
   */
  private async acquireStreamSlot(
    owner: string,
    limit: number | null,
    response: unknown,
  ): Promise<() => void> {
    if (limit === null) return () => undefined;
    const granted = await this.access.broker(() => this.access.driver.acquireSlot(owner, limit));
    if (!granted) {
      throw new MindoffHttpError(
        'RATE_LIMITED',
        { reason: 'Too many active streams', limit },
        {},
        'warning',
      );
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      void this.access.driver.releaseSlot(owner).catch(() => undefined);
    };
    const raw = rawResponseOf(response);
    if (raw.destroyed || raw.writableEnded) release();
    else raw.once('close', release);
    return release;
  }

  @Post(':id/stream-ticket')
  async streamTicket(
    @Param('id') id: string,
    @Req() request: AnyRequest,
    @Res({ passthrough: true }) response: unknown,
  ) {
    await this.access.endpointLimit('streamTicket', request, response);
    const { task } = await this.access.task(id, 'streamTicket', request, response);
    const ticket = randomBytes(32).toString('base64url');
    const ttlSeconds = this.options.queue.streamTicketTtlSeconds;
    await this.access.broker(() =>
      this.access.driver.putOnce(
        ticketKey(ticket),
        JSON.stringify({ taskId: task.id, ownerId: task.ownerId }),
        ttlSeconds * 1000,
      ),
    );
    const urls = taskUrls(this.root(request), task.id);
    return this.reply(response, 'SUCCESS', 'success', {
      queue_id: task.id,
      ticket,
      expires_in: ttlSeconds,
      status_stream_url: `${urls.status_stream_url}?ticket=${ticket}`,
    });
  }

  @Post(':id/cancel')
  async cancel(
    @Param('id') id: string,
    @Req() request: AnyRequest,
    @Res({ passthrough: true }) response: unknown,
  ) {
    await this.access.endpointLimit('cancel', request, response);
    const { task } = await this.access.task(id, 'cancel', request, response);
    const result = await this.access.broker(() => this.access.driver.cancel(task.id));
    if (result === 'not_cancellable') {
      const now = await this.access.broker(() => this.access.driver.get(task.id));
      return this.reply(response, 'QUEUE_TASK_NOT_CANCELLABLE', 'warning', {
        queue_id: task.id,
        job_status: now?.status ?? task.status,
      });
    }
    return this.reply(response, 'SUCCESS', 'success', { queue_id: task.id, job_status: result });
  }

  @Post(':id/retry')
  async retry(
    @Param('id') id: string,
    @Req() request: AnyRequest,
    @Res({ passthrough: true }) response: unknown,
  ) {
    await this.access.endpointLimit('retry', request, response);
    const { task } = await this.access.task(id, 'retry', request, response);
    if (!(await this.access.broker(() => this.access.driver.retry(task.id)))) {
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

  /**
   * A stream ticket: single-use (taken on first sight) and bound to one task. A ticket for
   * another task is burned and ignored; an unknown one is ignored (normal auth applies).
   */
  private async redeem(ticket: string, id: string): Promise<string | null | undefined> {
    const stored = await this.access.broker(() => this.access.driver.takeOnce(ticketKey(ticket)));
    if (stored === null) return undefined;
    const bound = JSON.parse(stored) as { taskId: string; ownerId: string | null };
    return bound.taskId === id ? bound.ownerId : undefined;
  }

  private reply(response: unknown, code: string, category: Category, data: unknown): unknown {
    const { httpStatus, body } = this.sender.build(code, category, data);
    this.adapterHost.httpAdapter.status(response, httpStatus);
    return body;
  }
}

// Its routes are mindoff's too: no framework parser reads their bodies, and framework errors on
// them are answered in the envelope.
for (const name of Object.getOwnPropertyNames(MindoffQueueController.prototype)) {
  const handler = (MindoffQueueController.prototype as unknown as Record<string, unknown>)[name];
  if (typeof handler === 'function' && Reflect.hasMetadata(PATH_METADATA, handler)) {
    markMindoffRoute(handler, MindoffQueueController);
  }
}

function ticketKey(ticket: string): string {
  return `ticket:${createHash('sha256').update(ticket).digest('hex')}`;
}

function rawResponseOf(response: unknown): ServerResponse {
  return ((response as { raw?: ServerResponse }).raw ?? response) as ServerResponse;
}

function rawOf(request: AnyRequest): IncomingMessage {
  return (request.raw ?? request) as unknown as IncomingMessage;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function integer(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
