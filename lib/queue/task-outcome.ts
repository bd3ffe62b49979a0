import type { QueueRetention } from '../interfaces/resolved-mindoff-options.interface';
import type { TaskOutcome, TaskRecord } from './task.types';

/** The outcome of a run that ended without one (the runner threw, or the job stopped unexpectedly). */
export function unexpectedFailure(message: string): TaskOutcome {
  return { kind: 'failed', httpStatus: 500, error: { code: 'UNEXPECTED_ERR', message } };
}

/**
 * Writes how a run ended onto its task, as both drivers store it: completed keeps the stored
 * envelope at 100 %, failed keeps its error (code, message, status) and the progress reached,
 * cancelled keeps the progress reached. The progress message says which.
 */
export function applyOutcome(record: TaskRecord, outcome: TaskOutcome): void {
  record.cancelRequested = false;
  switch (outcome.kind) {
    case 'completed':
      record.status = 'completed';
      record.progress = { percent: 100, current_step: '', current_message: 'completed' };
      record.response = { httpStatus: outcome.httpStatus, body: outcome.body };
      return;
    case 'failed':
      record.status = 'failed';
      record.progress = { ...record.progress, current_message: outcome.error.message };
      record.error = { ...outcome.error, httpStatus: outcome.httpStatus };
      return;
    case 'cancelled':
      record.status = 'cancelled';
      record.progress = { ...record.progress, current_message: 'cancelled' };
  }
}

/**
 * How long a finished task is kept, on both drivers: `retention.completedMs` once completed,
 * `retention.failedMs` once failed or cancelled (while a retry may still want its inputs).
 */
export function retentionMsOf(
  record: Pick<TaskRecord, 'status'>,
  retention: QueueRetention,
): number {
  return record.status === 'completed' ? retention.completedMs : retention.failedMs;
}
