import type { CompiledApi } from '../registry/compiled-api';
import type { ResultRenderer } from '../rendering/result.renderer';
import { MindoffResponse } from '../responses';
import type { MindoffQueue } from './mindoff-queue.service';
import type { TaskRequest } from './task.types';

/** What the route handler does for a queue-mode API: enqueue the call and answer `QUEUED` at once. */
export class EnqueueAction {
  constructor(
    private readonly queue: MindoffQueue,
    private readonly api: CompiledApi,
    private readonly request: Omit<TaskRequest, 'urlName' | 'version'>,
    private readonly ownerId: string | null,
    private readonly base: string,
    private readonly renderer: ResultRenderer,
    private readonly response: unknown,
  ) {}

  async execute(): Promise<unknown> {
    const ack = await this.queue.enqueue(this.api, this.request, this.ownerId, this.base);
    return this.renderer.render(
      this.response,
      MindoffResponse.json({ code: 'QUEUED', category: 'success', data: ack }),
    );
  }
}
