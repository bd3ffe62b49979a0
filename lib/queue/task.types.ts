/** Where a queued task is in its life: queued → running → completed | failed | cancelled. */
export type TaskStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/** Statuses a task never leaves except through a retry. */
export const TERMINAL_STATUSES: ReadonlySet<TaskStatus> = new Set([
  'completed',
  'failed',
  'cancelled',
]);

/** The live progress of a task, as its checkpoints report it. */
export interface TaskProgress {
  percent: number;
  current_step: string;
  current_message: string;
}

/** What the worker needs to run the version that was called, exactly as it was called. */
export interface TaskRequest {
  urlName: string;
  version: number;
  payload: unknown;
  query: Record<string, unknown>;
  params: Record<string, unknown>;
  /** The authenticated user as the pipeline saw it (JSON), or null when anonymous. */
  user: unknown;
  /** The id of the request that enqueued the task (kept when the inputs are dropped). */
  requestId: string;
  /** The enqueuing request's trace context (W3C `traceparent`…), when a tracer recorded it. */
  traceContext?: Record<string, string>;
}

/** How a finished run ended: the stored answer, or the error's code and message (never a stack). */
export type TaskOutcome =
  | { kind: 'completed'; httpStatus: number; body: unknown }
  | { kind: 'failed'; httpStatus: number; error: { code: string; message: string } }
  | { kind: 'cancelled' };

/** A task as the driver stores it. */
export interface TaskRecord {
  id: string;
  /** `user:<id>` for an authenticated owner; null for anonymous tasks (reachable by id only). */
  ownerId: string | null;
  request: TaskRequest;
  status: TaskStatus;
  progress: TaskProgress;
  /** Set once a cancel was asked for a running task, until it stops. */
  cancelRequested: boolean;
  createdAt: number;
  updatedAt: number;
  /** The stored envelope and its status (completed). */
  response?: { httpStatus: number; body: unknown };
  /** The error (failed). */
  error?: { code: string; message: string; httpStatus: number };
}

/** A new task handed to a driver. */
export interface NewTask {
  id: string;
  ownerId: string | null;
  request: TaskRequest;
  /** Set when identical in-flight requests must share one task. */
  dedupKey?: string;
}

export const INITIAL_PROGRESS: TaskProgress = {
  percent: 0,
  current_step: '',
  current_message: 'queued',
};
