import type { RequestOptions } from './api-shape.type.js';
import type { CallResult, TaskAck, TaskCancelled } from './call-result.type.js';
import { toResult } from './envelope-result.js';
import { followStatusStream } from './status-stream.follower.js';
import type { TaskProgress } from './task-progress.type.js';
import type { Transport } from './transport.js';

/**
 * A queue-mode task, followed from the client: its live progress, its result, cancel and retry.
 * `client.enqueue()` gives one for a new task, `client.task(id)` for an existing one (e.g. after a
 * page reload).
 *
 * @example
 * const task = await client.enqueue('jobs__generate_inventory_report', { version: 1, payload: { report_name: 'Weekly' } });
 * for await (const { percent, message } of task.progress()) console.log(percent, message);
 * const result = await task.result();
 * if (result.ok) console.log(result.data.summary);
 */
export interface TaskHandle<D = unknown> {
  /** The task's id (`queue_id`), to keep and re-attach with `client.task(id)`. */
  readonly id: string;
  /**
   * The task's states as they change, pushed by its status stream: the current one first, then
   * each change, ending after the final one (completed, failed or cancelled). A dropped connection
   * is resumed without losing or repeating a state.
   */
  progress(options?: { signal?: AbortSignal }): AsyncGenerator<TaskProgress, void, undefined>;
  /**
   * The task's outcome once it has ended (following its stream until then): `ok` with the typed
   * data of a completed task, else the failure (`QUEUE_TASK_FAILED` with `data.error`,
   * `QUEUE_TASK_CANCELLED`, `QUEUE_TASK_NOT_FOUND`, or the code its `run()` answered).
   */
  result(options?: { signal?: AbortSignal }): Promise<CallResult<D>>;
  /**
   * Cancels it: `ok` with `job_status` `cancelled` (it was queued) or `cancel_requested` (it
   * stops at its next checkpoint); `QUEUE_TASK_NOT_CANCELLABLE` once it has ended.
   */
  cancel(options?: RequestOptions): Promise<CallResult<TaskCancelled>>;
  /**
   * Queues a failed or cancelled task again, under the same id (this handle follows it on):
   * `ok` with code `QUEUED`; `QUEUE_TASK_NOT_RETRIABLE` otherwise.
   */
  retry(options?: RequestOptions): Promise<CallResult<TaskAck>>;
}

/** What a task handle needs from its client. */
export interface TaskContext {
  transport: Transport;
  /** Where the task endpoints are served, e.g. `/api/mindoff/queue`. */
  taskBase: () => Promise<string>;
  streamRetries: number;
}

/** The client's `TaskHandle`. */
export class MindoffTask<D> implements TaskHandle<D> {
  constructor(
    readonly id: string,
    private readonly context: TaskContext,
  ) {}

  progress(options: { signal?: AbortSignal } = {}): AsyncGenerator<TaskProgress, void, undefined> {
    return followStatusStream({
      transport: this.context.transport,
      taskId: this.id,
      taskPath: () => this.path(),
      retries: this.context.streamRetries,
      signal: options.signal,
    });
  }

  async result(options: { signal?: AbortSignal } = {}): Promise<CallResult<D>> {
    for (;;) {
      const answer = await this.context.transport.send({
        method: 'GET',
        path: await this.path(),
        signal: options.signal,
      });
      const code = answer.envelope.message.code;
      if (code !== 'QUEUE_TASK_PENDING' && code !== 'QUEUE_TASK_RUNNING')
        return toResult<D>(answer);
      for await (const _state of this.progress(options)) {
        // Followed to its end; the detail then holds the outcome.
      }
    }
  }

  async cancel(options: RequestOptions = {}): Promise<CallResult<TaskCancelled>> {
    const answer = await this.context.transport.send({
      ...options,
      method: 'POST',
      path: `${await this.path()}cancel/`,
    });
    return toResult<TaskCancelled>(answer, (a) => a.envelope.message.code === 'SUCCESS');
  }

  async retry(options: RequestOptions = {}): Promise<CallResult<TaskAck>> {
    const answer = await this.context.transport.send({
      ...options,
      method: 'POST',
      path: `${await this.path()}retry/`,
    });
    return toResult<TaskAck>(answer, (a) => a.envelope.message.code === 'QUEUED');
  }

  /** The task's own path, e.g. `/mindoff/queue/7c0e…/`. */
  private async path(): Promise<string> {
    return `${await this.context.taskBase()}/${encodeURIComponent(this.id)}/`;
  }
}
