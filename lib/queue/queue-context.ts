import type { MindoffContext } from '../interfaces/mindoff-context.interface';
import type { ProgressStep } from '../interfaces/mindoff-api-options.interface';
import { UnknownStepError } from './unknown-step.error';
import type { TaskRun } from './queue-driver';
import type { TaskRecord } from './task.types';
import { TaskCancelledError } from './task-cancelled.error';
import { NO_FILES } from '../uploads/upload-rules';

/** The context `run()` gets inside a worker: the request as it was enqueued, a live signal and checkpoints. */
export class QueueContext<P = unknown, U = unknown> implements MindoffContext<
  P,
  U,
  Record<string, unknown>,
  Record<string, unknown>
> {
  readonly payload: P;
  readonly query: Record<string, unknown>;
  readonly params: Record<string, unknown>;
  readonly user: U | null;
  readonly version: number;
  readonly urlName: string;
  /** The id of the request that enqueued the task. */
  readonly requestId: string;
  /** Uploads cannot be queued: no files in a worker. */
  readonly files = NO_FILES;
  /** There is no HTTP request in a worker. */
  readonly request = null;
  readonly signal: AbortSignal;

  constructor(
    readonly taskId: string,
    task: TaskRecord,
    private readonly run: TaskRun,
    private readonly steps: Readonly<Record<string, ProgressStep>>,
  ) {
    this.payload = task.request.payload as P;
    this.query = task.request.query;
    this.params = task.request.params;
    this.user = task.request.user as U | null;
    this.version = task.request.version;
    this.urlName = task.request.urlName;
    this.requestId = task.request.requestId;
    this.signal = run.signal;
  }

  /** Reports the step's percent and label (or `message`); throws once the task was cancelled. */
  readonly checkpoint = async (step: string, message?: string): Promise<void> => {
    if (this.signal.aborted) throw new TaskCancelledError(this.taskId);
    const declared = this.steps[step];
    if (!declared) {
      throw new UnknownStepError(step, Object.keys(this.steps));
    }
    await this.run.progress({
      percent: declared.percent,
      current_step: step,
      current_message: message ?? declared.label,
    });
    if (this.signal.aborted) throw new TaskCancelledError(this.taskId);
  };
}
