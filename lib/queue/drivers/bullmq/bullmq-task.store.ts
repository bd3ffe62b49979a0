import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueRetention } from '../../../interfaces/resolved-mindoff-options.interface';
import type { CancelResult, TaskListQuery } from '../../queue-driver';
import { withoutInputs } from '../../task-inputs';
import { applyOutcome, retentionMsOf } from '../../task-outcome';
import { pageOfTasks } from '../../task-list';
import type { NewTask, TaskRecord } from '../../task.types';
import { jobToRecord, type JobData } from './bullmq-job-record';
import { KeptRecords } from './kept-records';
import { BullmqJobViews } from './bullmq-job-view';
import { OwnerIndex } from './owner-index';
import { TaskLocks } from './task-locks';

const QUEUED_STATES = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Where the BullMQ driver's tasks live and how they change: the job while it is queued, running
 * or finished; a kept record once the job is removed (cancelled while queued, or a failed task
 * being retried); the owner's index for lists. Cancel and retry take the task's lock, so every
 * interleaving of changes leaves one readable state.
 */
export class BullmqTaskStore {
  private readonly kept: KeptRecords;
  private readonly owners: OwnerIndex;
  private readonly locks: TaskLocks;
  private readonly views: BullmqJobViews;

  constructor(
    private readonly queue: Queue<JobData>,
    private readonly client: Redis,
    private readonly key: (...parts: string[]) => string,
    private readonly retention: QueueRetention,
  ) {
    this.kept = new KeptRecords(client, key, retention.failedMs);
    this.owners = new OwnerIndex(client, key);
    this.locks = new TaskLocks(client, key);
    this.views = new BullmqJobViews(queue, client);
  }

  async add(task: NewTask): Promise<{ id: string; duplicate: boolean }> {
    const createdAt = Date.now();
    // The owner's index entry first: a task is never missing from its owner's list.
    if (task.ownerId !== null) await this.owners.add(task.ownerId, task.id, createdAt);
    const job = await this.addJob(task.id, {
      ownerId: task.ownerId,
      request: task.request,
      dedupKey: task.dedupKey,
      createdAt,
    });
    return { id: job.id!, duplicate: job.id !== task.id };
  }

  /**
   * A task's record: its job, or the record kept for it. A job is read without its data's inputs
   * (a detail, a list or a heartbeat costs its answer, not the task's payload).
   */
  async read(id: string): Promise<TaskRecord | null> {
    const state = await this.queue.getJobState(id);
    if (state !== 'unknown') {
      // Fields read after the state: a job that finished meanwhile still reads as it was then.
      const fields = (await this.views.read(id)) ?? (await this.queue.getJob(id));
      if (fields) {
        const record = jobToRecord(fields, state);
        if (record.status === 'running') {
          record.cancelRequested = (await this.client.exists(this.key('cancel', id))) === 1;
        }
        return record;
      }
    }
    return (await this.kept.read(id))?.record ?? null;
  }

  async list(query: TaskListQuery): Promise<{ tasks: TaskRecord[]; count: number }> {
    const { ownerId } = query;
    if (query.id === undefined && query.status === undefined && query.urlName === undefined) {
      // A page costs O(page): its ids from the owner's index, then their records.
      const start = (query.page - 1) * query.pageSize;
      const { total, ids } = await this.owners.page(ownerId, start, query.pageSize);
      const tasks = await this.readAll(ownerId, ids);
      return { tasks, count: total - (ids.length - tasks.length) };
    }
    const ids =
      query.id === undefined
        ? await this.owners.all(ownerId)
        : (await this.owners.has(ownerId, query.id))
          ? [query.id]
          : [];
    return pageOfTasks(await this.readAll(ownerId, ids), query);
  }

  /** Queued → cancelled now (the job is removed, its record kept); running → flagged and told. */
  cancel(id: string): Promise<CancelResult> {
    return this.locks.run(id, async () => {
      const job = await this.queue.getJob(id);
      if (!job) return 'not_cancellable';
      const state = await job.getState();
      if (QUEUED_STATES.has(state)) {
        const cancelled = jobToRecord(job, state);
        applyOutcome(cancelled, { kind: 'cancelled' });
        cancelled.updatedAt = Math.max(Date.now(), cancelled.updatedAt + 1);
        // Kept first, so a read between the two writes finds the task either way.
        await this.kept.write(cancelled, job.data.dedupKey);
        try {
          await job.remove();
          await this.expireFromIndex(cancelled);
          return 'cancelled';
        } catch {
          // A worker took it in between: it is running now, so cancel it as a running task.
          await this.kept.drop(id);
        }
      } else if (state !== 'active') {
        return 'not_cancellable';
      }
      await this.client.set(
        this.key('cancel', id),
        String(Date.now()),
        'PX',
        this.retention.failedMs,
      );
      await this.client.publish(this.key('cancel-channel'), id);
      return 'cancel_requested';
    });
  }

  /**
   * Failed or cancelled → queued again under the same id, with its deduplication key: the job is
   * replaced by a new one (a failed job's record is kept meanwhile), unless an identical task is
   * in flight, in which case this one stays as it was.
   */
  retry(id: string): Promise<boolean> {
    return this.locks.run(id, async () => {
      const job = await this.queue.getJob(id);
      if (job) {
        const state = await job.getState();
        if (state !== 'failed') return false;
        await this.kept.write(jobToRecord(job, state), job.data.dedupKey);
        await job.remove();
      }
      const kept = await this.kept.readWhole(id);
      if (kept === null) return false;
      const { record, dedupKey } = kept;
      await this.client.del(this.key('cancel', id));
      const added = await this.addJob(id, {
        ownerId: record.ownerId,
        request: record.request,
        dedupKey,
        createdAt: record.createdAt,
      });
      if (added.id !== id) return false;
      await this.kept.drop(id);
      if (record.ownerId !== null) await this.owners.keep(record.ownerId, id);
      return true;
    });
  }

  /**
   * Bookkeeping of a job that ended in this worker: a completed task drops its inputs (nothing
   * can retry it), the cancel flag goes, and the owner's index learns when the task expires.
   */
  async finished(job: Job<JobData>, state: 'completed' | 'failed'): Promise<void> {
    if (state === 'completed') {
      await job.updateData({ ...job.data, request: withoutInputs(job.data.request) });
    }
    await this.client.del(this.key('cancel', job.id!));
    await this.expireFromIndex(jobToRecord(job, state));
  }

  /** The records of the owner's `ids`, in order; ids whose task is gone leave the index. */
  private async readAll(ownerId: string, ids: string[]): Promise<TaskRecord[]> {
    const records = await Promise.all(ids.map((id) => this.read(id)));
    await this.owners.prune(
      ownerId,
      ids.filter((_, i) => records[i] === null),
    );
    return records.filter((r): r is TaskRecord => r !== null && r.ownerId === ownerId);
  }

  /** Adds the task's job, then its view beside it (see {@link BullmqJobViews}). */
  private async addJob(id: string, data: JobData) {
    const job = await this.queue.add(data.request.urlName, data, {
      jobId: id,
      ...(data.dedupKey === undefined ? {} : { deduplication: { id: data.dedupKey } }),
      attempts: 1,
      removeOnComplete: { age: Math.ceil(this.retention.completedMs / 1000) },
      removeOnFail: { age: Math.ceil(this.retention.failedMs / 1000) },
    });
    // A duplicate answers the twin's job, which has its view already.
    if (job.id === id) await this.views.write(id, data);
    return job;
  }

  private async expireFromIndex(record: TaskRecord): Promise<void> {
    if (record.ownerId === null) return;
    const keep = retentionMsOf(record, this.retention);
    await this.owners.expireAt(record.ownerId, record.id, Date.now() + keep);
  }
}
