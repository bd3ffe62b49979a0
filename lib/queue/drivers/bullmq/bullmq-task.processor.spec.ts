import type { Job } from 'bullmq';
import type { TaskRunner } from '../../queue-driver';
import type { JobData } from './bullmq-job-record';
import { bullmqTaskProcessor } from './bullmq-task.processor';

class Unrecoverable extends Error {}

const job = (updateProgress: () => Promise<void>) =>
  ({
    id: 'job-1',
    timestamp: 1,
    progress: 0,
    data: {
      ownerId: null,
      request: { urlName: 'a', version: 1, payload: {}, query: {}, params: {}, user: null },
    },
    updateProgress,
  }) as unknown as Job<JobData>;

const writeable = () =>
  Promise.reject(new Error("Stream isn't writeable and enableOfflineQueue options is false"));

/** A runner that reports three checkpoints, then completes. */
const checkpoints: TaskRunner = async (_task, run) => {
  for (const step of ['a', 'b', 'c']) {
    await run.progress({ percent: 10, current_step: step, current_message: step });
  }
  return { kind: 'completed', httpStatus: 200, body: { ok: true } };
};

describe('the BullMQ task processor', () => {
  it('completes a task while mindoff’s own bookkeeping calls to Redis fail', async () => {
    const failures: unknown[] = [];
    const process = bullmqTaskProcessor({
      runner: checkpoints,
      cancelRequested: writeable,
      cancelRunning: () => undefined,
      bookkeepingFailed: (error) => failures.push(error),
      Unrecoverable,
    });
    await expect(process(job(writeable))).resolves.toEqual({
      kind: 'completed',
      httpStatus: 200,
      body: { ok: true },
    });
    // The start check, then per checkpoint the stored progress and the cancel check.
    expect(failures).toHaveLength(7);
  });

  it('still stops a task whose cancel flag is set', async () => {
    let cancelled = false;
    const process = bullmqTaskProcessor({
      runner: checkpoints,
      cancelRequested: async () => cancelled,
      cancelRunning: () => undefined,
      bookkeepingFailed: () => undefined,
      Unrecoverable,
    });
    cancelled = true;
    await expect(process(job(async () => undefined))).rejects.toThrow('{"kind":"cancelled"}');
  });
});
