import type { EphemeralStore } from './ephemeral-store';
import type { NewTask, TaskOutcome, TaskProgress, TaskRecord } from './task.types';

/** A checkpoint a task reached, as pushed to listeners (so none is skipped by a later read). */
export interface ProgressChange {
  progress: TaskProgress;
  /** When it was reported (the state's update time). */
  at: number;
}

/** Injection token of the active queue driver. */
export const MINDOFF_QUEUE_DRIVER = Symbol('mindoff:queue-driver');

/** What a worker gets for one run: the cancellation signal and the progress reporter. */
export interface TaskRun {
  readonly signal: AbortSignal;
  progress(progress: TaskProgress): Promise<void>;
}

/** Runs one task and says how it ended; never throws. */
export type TaskRunner = (task: TaskRecord, run: TaskRun) => Promise<TaskOutcome>;

/** The answer to a cancel. */
export type CancelResult = 'cancelled' | 'cancel_requested' | 'not_cancellable';

/** Filters and paging of the owner-scoped list. */
export interface TaskListQuery {
  ownerId: string;
  id?: string;
  status?: string;
  urlName?: string;
  page: number;
  pageSize: number;
}

/** A queue's numbers for health checks and metrics (times in ms since the epoch). */
export interface QueueStats {
  /** Tasks waiting for a worker (delayed and prioritized included). */
  waiting: number;
  /** Tasks a worker is running now. */
  active: number;
  /** When the task that has waited longest was queued; null when none waits. */
  oldestWaitingAt: number | null;
  /** The latest moment a worker of this queue was known alive; null when none is known. */
  workersSeenAt: number | null;
}

/**
 * The contract both drivers (embedded and BullMQ) implement and one shared suite tests.
 * Every method may reject when the broker cannot be reached.
 */
export interface QueueDriver {
  /** True when tasks survive a restart and workers may run in other processes. */
  readonly durable: boolean;
  /** Stores and dispatches a task; with a dedup key, an in-flight twin's id comes back instead. */
  enqueue(task: NewTask): Promise<{ id: string; duplicate: boolean }>;
  get(id: string): Promise<TaskRecord | null>;
  /** Newest first, within one owner. */
  list(query: TaskListQuery): Promise<{ tasks: TaskRecord[]; count: number }>;
  /** Queued → cancelled now; running → its signal fires wherever it runs. */
  cancel(id: string): Promise<CancelResult>;
  /** Failed or cancelled → queued again under the same id; false otherwise. */
  retry(id: string): Promise<boolean>;
  /**
   * Calls `listener` each time the task changes (pushed, never polled), with the checkpoint when
   * the change is one; returns the unsubscribe.
   */
  subscribe(id: string, listener: (change?: ProgressChange) => void): () => void;
  /** Starts running tasks in this process with `runner`. */
  startWorker(runner: TaskRunner, concurrency: number): Promise<void>;
  /** Stream tickets and status-stream slots, kept where the tasks are. */
  readonly ephemeral: EphemeralStore;
  /** The queue's counts, its oldest waiting task and when a worker was last seen. */
  stats(): Promise<QueueStats>;
  close(): Promise<void>;
}
