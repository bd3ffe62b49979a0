import type { Job } from 'bullmq';
import type { TaskRunner } from '../../queue-driver';
import { jobToRecord, type JobData, type StoredProgress } from './bullmq-job-record';

/** What the processor needs from the driver: the runner, the cancel flag, and BullMQ's error. */
export interface TaskProcessorDeps {
  runner: TaskRunner;
  /** Whether a cancel of the task is recorded in Redis (rejects when Redis cannot answer). */
  cancelRequested(id: string): Promise<boolean>;
  /** Fires the AbortSignal of a task this process runs. */
  cancelRunning(id: string): void;
  /** Reports a bookkeeping call that failed (the task goes on). */
  bookkeepingFailed(error: unknown): void;
  Unrecoverable: new (message: string) => Error;
}

/**
 * The BullMQ worker's processor of one task: a task cancelled before it starts never runs; each
 * checkpoint stores its progress and re-checks the cancel flag (so a cancel whose message this
 * process missed still lands); every outcome but completion fails the job without retries,
 * carrying the outcome as its reason.
 *
 * mindoff's own bookkeeping (the cancel flag, stored progress) never fails a task: when Redis
 * cannot answer for a moment, the flag counts as not set (a cancel still arrives by pub/sub or at
 * a later checkpoint) and the progress is reported again at the next checkpoint. A longer outage
 * costs the worker its lock, and BullMQ's stalled-job check hands the task to a worker again.
 */
export function bullmqTaskProcessor(deps: TaskProcessorDeps) {
  const { runner, cancelRunning, Unrecoverable } = deps;
  const cancelled = async (id: string): Promise<boolean> => {
    try {
      return await deps.cancelRequested(id);
    } catch (error) {
      deps.bookkeepingFailed(error);
      return false;
    }
  };
  return async (job: Job<JobData>, _token?: string, signal?: AbortSignal) => {
    const abort = signal ?? new AbortController().signal;
    const id = job.id!;
    if (await cancelled(id)) throw new Unrecoverable(JSON.stringify({ kind: 'cancelled' }));
    const outcome = await runner(jobToRecord(job, 'active'), {
      signal: abort,
      progress: async (progress) => {
        try {
          await job.updateProgress({ ...progress, at: Date.now() } satisfies StoredProgress);
        } catch (error) {
          deps.bookkeepingFailed(error);
        }
        if (await cancelled(id)) cancelRunning(id);
      },
    });
    if (abort.aborted) throw new Unrecoverable(JSON.stringify({ kind: 'cancelled' }));
    if (outcome.kind === 'completed') return outcome;
    throw new Unrecoverable(JSON.stringify(outcome));
  };
}
