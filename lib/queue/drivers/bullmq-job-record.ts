import type { Job } from 'bullmq';
import {
  INITIAL_PROGRESS,
  type TaskOutcome,
  type TaskProgress,
  type TaskRecord,
  type TaskRequest,
  type TaskStatus,
} from '../task.types';

/** What a BullMQ job carries. */
export interface JobData {
  ownerId: string | null;
  request: TaskRequest;
  dedupKey?: string;
}

export type StoredProgress = TaskProgress & { at: number };

/**
 * A BullMQ job as a mindoff task: the job's state and its return value or failure reason give the
 * status and outcome; its progress object the checkpoint reached.
 */
export function jobToRecord(job: Job<JobData>, state: string): TaskRecord {
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
    createdAt: job.timestamp,
    updatedAt: Math.max(job.timestamp, job.processedOn ?? 0, job.finishedOn ?? 0, stored?.at ?? 0),
  };
  let outcome: TaskOutcome | undefined;
  if (state === 'completed') outcome = job.returnvalue as unknown as TaskOutcome;
  else if (state === 'failed') outcome = parseFailure(job.failedReason);
  record.status = statusOf(state, outcome);
  // A retried task starts over: the progress of its earlier run is not its progress now.
  if (record.status === 'queued') record.progress = { ...INITIAL_PROGRESS };
  if (outcome?.kind === 'completed') {
    record.progress = { percent: 100, current_step: '', current_message: 'completed' };
    record.response = { httpStatus: outcome.httpStatus, body: outcome.body };
  } else if (outcome?.kind === 'failed') {
    record.progress = { ...record.progress, current_message: outcome.error.message };
    record.error = { ...outcome.error, httpStatus: outcome.httpStatus };
  } else if (outcome?.kind === 'cancelled') {
    record.progress = { ...record.progress, current_message: 'cancelled' };
  }
  return record;
}

function statusOf(state: string, outcome: TaskOutcome | undefined): TaskStatus {
  if (state === 'active') return 'running';
  if (outcome?.kind === 'completed') return 'completed';
  if (outcome?.kind === 'cancelled') return 'cancelled';
  if (outcome?.kind === 'failed') return 'failed';
  return 'queued';
}

/** A failure mindoff wrote carries its outcome as JSON; anything else (a stalled job...) is unexpected. */
function parseFailure(reason: string | undefined): TaskOutcome {
  try {
    const parsed = JSON.parse(reason ?? '') as TaskOutcome;
    if (parsed.kind === 'failed' || parsed.kind === 'cancelled') return parsed;
  } catch {
    // not ours
  }
  return {
    kind: 'failed',
    httpStatus: 500,
    error: { code: 'UNEXPECTED_ERR', message: 'The task stopped unexpectedly.' },
  };
}
