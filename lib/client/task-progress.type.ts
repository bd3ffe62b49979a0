/** Where a task is in its life: queued → running → completed | failed | cancelled. */
export type TaskStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/**
 * One state of a task, as its status stream pushes it.
 *
 * @example
 * { status: 'running', percent: 70, step: 'summarize', message: 'Summarizing 5 products', cancelRequested: false, updatedAt: '2026-12-01T10:00:00.000Z' }
 */
export interface TaskProgress {
  status: TaskStatus;
  /** 0–100, the percent of the last checkpoint (100 once completed). */
  percent: number;
  /** The last checkpoint's step (`''` before the first one). */
  step: string;
  /** The last checkpoint's message, or its step's label. */
  message: string;
  /** Whether a cancel was asked for (the task stops at its next checkpoint). */
  cancelRequested: boolean;
  /** When this state was reached (ISO 8601). */
  updatedAt: string;
}

const STATUSES: ReadonlySet<string> = new Set([
  'queued',
  'running',
  'completed',
  'failed',
  'cancelled',
]);

/**
 * Whether a task in this status has ended (it only moves again if retried).
 *
 * @example
 * isFinal('cancelled'); // true
 */
export function isFinal(status: TaskStatus): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled';
}

/**
 * A status-stream event's data as a `TaskProgress`, or undefined when it is not a task state.
 *
 * @example
 * progressOf('{"job_status":"running","is_cancel":false,"progress":{"percent":20,"current_step":"collect","current_message":"Collect catalog rows"},"updated_at":"…"}');
 */
export function progressOf(data: string): TaskProgress | undefined {
  let state: unknown;
  try {
    state = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof state !== 'object' || state === null) return undefined;
  const { job_status, is_cancel, progress, updated_at } = state as Record<string, unknown>;
  if (typeof job_status !== 'string' || !STATUSES.has(job_status)) return undefined;
  const parts = (typeof progress === 'object' && progress !== null ? progress : {}) as Record<
    string,
    unknown
  >;
  return {
    status: job_status as TaskStatus,
    percent: typeof parts.percent === 'number' ? parts.percent : 0,
    step: typeof parts.current_step === 'string' ? parts.current_step : '',
    message: typeof parts.current_message === 'string' ? parts.current_message : '',
    cancelRequested: is_cancel === true,
    updatedAt: typeof updated_at === 'string' ? updated_at : '',
  };
}
