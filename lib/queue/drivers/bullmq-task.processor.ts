import type { Job } from 'bullmq';
import type { TaskRunner } from '../queue-driver';
import { jobToRecord, type JobData, type StoredProgress } from './bullmq-job-record';

/** What the processor needs from the driver: the runner, the cancel flag, and BullMQ's error. */
export interface TaskProcessorDeps {
  runner: TaskRunner;
  /** Whether a cancel of the task is recorded in Redis. */
  cancelRequested(id: string): Promise<boolean>;
  /** Fires the AbortSignal of a task this process runs. */
  cancelRunning(id: string): void;
  Unrecoverable: new (message: string) => Error;
}

/**
 * The BullMQ worker's processor of one task: a task cancelled before it starts never runs; each
 * checkpoint stores its progress and re-checks the cancel flag (so a cancel whose message this
 * process missed still lands); every outcome but completion fails the job without retries,
 * carrying the outcome as its reason.
 */
export function bullmqTaskProcessor({
  runner,
  cancelRequested,
  cancelRunning,
  Unrecoverable,
}: TaskProcessorDeps) {
  return async (job: Job<JobData>, _token?: string, signal?: AbortSignal) => {
    const abort = signal ?? new AbortController().signal;
    const id = job.id!;
    if (await cancelRequested(id)) throw new Unrecoverable(JSON.stringify({ kind: 'cancelled' }));
    const outcome = await runner(jobToRecord(job, 'active'), {
      signal: abort,
      progress: async (progress) => {
        await job.updateProgress({ ...progress, at: Date.now() } satisfies StoredProgress);
        if (await cancelRequested(id)) cancelRunning(id);
      },
    });
    if (abort.aborted) throw new Unrecoverable(JSON.stringify({ kind: 'cancelled' }));
    if (outcome.kind === 'completed') return outcome;
    throw new Unrecoverable(JSON.stringify(outcome));
  };
}
