import type { JobFields } from './bullmq-job-view';
import {
  INITIAL_PROGRESS,
  type TaskOutcome,
  type TaskProgress,
  type TaskRecord,
  type TaskRequest,
} from '../../task.types';
import { applyOutcome, unexpectedFailure } from '../../task-outcome';

/** What a BullMQ job carries. */
export interface JobData {
  ownerId: string | null;
  request: TaskRequest;
  dedupKey?: string;
  /** When the task was first enqueued (a retry replaces the job, not the task). */
  createdAt?: number;
}

export type StoredProgress = TaskProgress & { at: number };

/**
 * A BullMQ job as a mindoff task: the job's state and its return value or failure reason give the
 * status and outcome; its progress object the checkpoint reached.
 */
export function jobToRecord(job: JobFields, state: string): TaskRecord {
  const stored = (typeof job.progress === 'object' ? job.progress : null) as StoredProgress | null;
  const progress: TaskProgress = stored
    ? {
        percent: stored.percent,
        current_step: stored.current_step,
        current_message: stored.current_message,
      }
    : { ...INITIAL_PROGRESS };
  const record: TaskRecord = {
    id: job.id!,
    ownerId: job.data.ownerId,
    request: job.data.request,
    status: 'queued',
    progress,
    cancelRequested: false,
    createdAt: job.data.createdAt ?? job.timestamp,
    updatedAt: Math.max(job.timestamp, job.processedOn ?? 0, job.finishedOn ?? 0, stored?.at ?? 0),
  };
  const returned = job.returnvalue as unknown as TaskOutcome | null;
  if (state === 'active') record.status = 'running';
  else if (state === 'completed' && returned?.kind) applyOutcome(record, returned);
  else if (state === 'failed') applyOutcome(record, parseFailure(job.failedReason));
  // A waiting (or retried) task starts over: the progress of an earlier run is not its progress now.
  else record.progress = { ...INITIAL_PROGRESS };
  return record;
}

/** A failure mindoff wrote carries its outcome as JSON; anything else (a stalled job...) is unexpected. */
function parseFailure(reason: string | undefined): TaskOutcome {
  try {
    const parsed = JSON.parse(reason ?? '') as TaskOutcome;
    if (parsed.kind === 'failed' || parsed.kind === 'cancelled') return parsed;
  } catch {
    // not ours
  }
  return unexpectedFailure('The task stopped unexpectedly.');
}
