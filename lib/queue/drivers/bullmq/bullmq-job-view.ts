import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobData } from './bullmq-job-record';
import { requestHead } from '../../task-inputs';

/** What reading a task needs of its job: every field but the data's inputs. */
export type JobFields = Pick<
  Job<JobData>,
  | 'id'
  | 'data'
  | 'progress'
  | 'returnvalue'
  | 'failedReason'
  | 'timestamp'
  | 'processedOn'
  | 'finishedOn'
>;

/** The field of a job's hash where mindoff keeps the job's data without its inputs. */
export const VIEW_FIELD = 'mindoff:view';

const READ_FIELDS = [
  VIEW_FIELD,
  'progress',
  'returnvalue',
  'failedReason',
  'timestamp',
  'processedOn',
  'finishedOn',
] as const;

/** HSET on a job that still exists (one removed meanwhile is not brought back as a stub). */
const SET_ON_EXISTING = `if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
end
return 0`;

/**
 * A task's job read the way a detail, a list or a stream heartbeat needs it: BullMQ's `getJob`
 * parses the job's data, payload and all, on every read; this reads the job's hash field by field,
 * leaving `data` out, and takes the data's small part from a field of its own written beside it
 * when the job is added. A job without that field (read in the moment after it was added) is read
 * whole, as before.
 */
export class BullmqJobViews {
  constructor(
    private readonly queue: Queue<JobData>,
    private readonly client: Redis,
  ) {}

  /** Writes the job's view; a job already gone is left gone. */
  async write(id: string, data: JobData): Promise<void> {
    const view: JobData = { ...data, request: requestHead(data.request) };
    await this.client.eval(
      SET_ON_EXISTING,
      1,
      this.queue.toKey(id),
      VIEW_FIELD,
      JSON.stringify(view),
    );
  }

  /** The job's fields with its data's inputs left out; null when it has no view (or is gone). */
  async read(id: string): Promise<JobFields | null> {
    const [view, progress, returnvalue, failedReason, timestamp, processedOn, finishedOn] =
      await this.client.hmget(this.queue.toKey(id), ...READ_FIELDS);
    if (view == null) return null;
    return {
      id,
      data: JSON.parse(view) as JobData,
      progress: JSON.parse(progress ?? '0') as Job['progress'],
      returnvalue: (returnvalue == null ? null : JSON.parse(returnvalue)) as Job['returnvalue'],
      failedReason: failedReason ?? '',
      timestamp: Number(timestamp),
      processedOn: processedOn ? Number(processedOn) : undefined,
      finishedOn: finishedOn ? Number(finishedOn) : undefined,
    };
  }
}
