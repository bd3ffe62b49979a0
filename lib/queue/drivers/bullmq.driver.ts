import type { Job, Queue, QueueEvents, Worker } from 'bullmq';
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { CancelResult, QueueDriver, TaskListQuery, TaskRunner } from '../queue-driver';
import type { QueueRetention } from '../../interfaces/resolved-mindoff-options.interface';
import { bullmqMissing } from '../../mindoff.messages';
import { loadOptionalPeer } from '../../optional-peer';
import { withoutInputs } from '../task-inputs';
import { pageOfTasks } from '../task-list';
import type { NewTask, TaskRecord } from '../task.types';
import { jobToRecord, type JobData } from './bullmq-job-record';
import { bullmqTaskProcessor } from './bullmq-task.processor';
import { BrokerCall } from './broker-call';
import { KeptRecords } from './kept-records';
import { OwnerIndex } from './owner-index';
import type { RedisConnection } from './redis-connection';
import { RedisConnections } from './redis-connections';
import { RedisEphemeralStore } from './redis-ephemeral.store';
import { RetentionSweeper } from './retention-sweeper';
import { TaskLocks } from './task-locks';

/** What the BullMQ driver is built with: the resolved `queue` options. */
export interface BullmqDriverOptions {
  connection: RedisConnection;
  /** Key prefix of every key mindoff and BullMQ write. */
  prefix: string;
  /** The BullMQ queue name. */
  queueName: string;
  retention: QueueRetention;
  /** How long a broker call may take before the request is answered 503. */
  commandTimeoutMs: number;
  /** The worker's lock on a running task, and how often stalled tasks are looked for. */
  lockDurationMs: number;
  stalledIntervalMs: number;
}

const loadBullmq = (): typeof import('bullmq') =>
  loadOptionalPeer<typeof import('bullmq')>('bullmq', bullmqMissing);

/** BullMQ's queue events that change what a task's status stream shows. */
const TASK_EVENTS = ['waiting', 'active', 'progress', 'completed', 'failed', 'removed'] as const;
const QUEUED_STATES = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Tasks as BullMQ jobs on Redis: durable, shared by every process that names the same Redis,
 * with workers in the API process or in separate worker processes. The job is the task's only
 * record while it is queued or running (one atomic write at enqueue; BullMQ deduplicates);
 * a finished job's return value or failure reason holds the outcome. Cancels reach the process
 * running the task through Redis pub/sub.
 */
export class BullmqQueueDriver implements QueueDriver {
  readonly durable = true;
  private readonly prefix: string;
  private readonly queueName: string;
  private readonly retention: QueueRetention;
  private readonly client: Redis;
  private readonly broker: BrokerCall;
  private readonly ephemeral: RedisEphemeralStore;
  private readonly kept: KeptRecords;
  private readonly owners: OwnerIndex;
  private readonly locks: TaskLocks;
  private readonly sweeper: RetentionSweeper;
  private readonly queue: Queue<JobData>;
  private readonly local = new EventEmitter().setMaxListeners(0);
  private subscriber?: Redis;
  private events?: QueueEvents;
  private worker?: Worker<JobData>;
  private readonly connections: RedisConnections;

  constructor(private readonly options: BullmqDriverOptions) {
    const { Queue: BullQueue } = loadBullmq();
    this.prefix = options.prefix;
    this.queueName = options.queueName;
    this.retention = options.retention;
    this.connections = new RedisConnections(options.connection);
    this.client = this.connections.open({
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: options.commandTimeoutMs,
    });
    this.broker = new BrokerCall(this.client, options.commandTimeoutMs);
    const key = (...parts: string[]) => this.key(...parts);
    this.kept = new KeptRecords(this.client, key, this.retention.failedMs);
    this.owners = new OwnerIndex(this.client, key);
    this.locks = new TaskLocks(this.client, key);
    this.ephemeral = new RedisEphemeralStore(this.client, this.broker, (...parts) =>
      this.key(...parts),
    );
    this.queue = new BullQueue<JobData>(this.queueName, {
      connection: this.client,
      prefix: this.prefix,
    });
    this.queue.on('error', (error: Error) => this.connections.logError(error));
    this.sweeper = new RetentionSweeper(this.queue, this.retention, (error) =>
      this.connections.logError(error),
    );
    this.sweeper.start();
    // Listening from the first connection on, so no event is missed by a stream opened later.
    this.client.once('ready', () => this.ensureListening());
  }

  async enqueue(task: NewTask): Promise<{ id: string; duplicate: boolean }> {
    return this.broker.run(async () => {
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
    });
  }

  async get(id: string): Promise<TaskRecord | null> {
    return this.broker.run(async () => {
      const record = await this.read(id);
      if (record?.status === 'running') {
        record.cancelRequested = (await this.client.exists(this.key('cancel', id))) === 1;
      }
      return record;
    });
  }

  async list(query: TaskListQuery): Promise<{ tasks: TaskRecord[]; count: number }> {
    return this.broker.run(async () => {
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
    });
  }

  async cancel(id: string): Promise<CancelResult> {
    return this.broker.run(() =>
      this.locks.run(id, async () => {
        const job = await this.queue.getJob(id);
        if (!job) return 'not_cancellable';
        const state = await job.getState();
        if (QUEUED_STATES.has(state)) {
          const record = jobToRecord(job, state);
          const cancelled: TaskRecord = {
            ...record,
            status: 'cancelled',
            progress: { ...record.progress, current_message: 'cancelled' },
            updatedAt: Math.max(Date.now(), record.updatedAt + 1),
          };
          // Kept first, so a read between the two writes finds the task either way.
          await this.kept.write(cancelled, job.data.dedupKey);
          try {
            await job.remove();
            await this.expireFromIndex(cancelled);
            this.local.emit(id);
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
      }),
    );
  }

  /**
   * Failed or cancelled → queued again under the same id, with its deduplication key: the job is
   * replaced by a new one (a failed job's record is kept meanwhile), unless an identical task is
   * in flight, in which case this one stays as it was.
   */
  async retry(id: string): Promise<boolean> {
    return this.broker.run(() =>
      this.locks.run(id, async () => {
        const job = await this.queue.getJob(id);
        if (job) {
          const state = await job.getState();
          if (state !== 'failed') return false;
          await this.kept.write(jobToRecord(job, state), job.data.dedupKey);
          await job.remove();
        }
        const kept = await this.kept.read(id);
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
      }),
    );
  }

  subscribe(id: string, listener: () => void): () => void {
    this.ensureListening();
    this.local.on(id, listener);
    return () => this.local.off(id, listener);
  }

  async startWorker(runner: TaskRunner, concurrency: number): Promise<void> {
    const { Worker: BullWorker, UnrecoverableError } = loadBullmq();
    this.ensureListening();
    const connection = this.connections.open({ maxRetriesPerRequest: null });
    this.worker = new BullWorker<JobData>(
      this.queueName,
      bullmqTaskProcessor({
        runner,
        cancelRequested: async (id) => (await this.client.exists(this.key('cancel', id))) === 1,
        cancelRunning: (id) => this.worker?.cancelJob(id, 'cancelled'),
        bookkeepingFailed: (error) => this.connections.logError(error as Error),
        Unrecoverable: UnrecoverableError,
      }),
      {
        connection,
        prefix: this.prefix,
        concurrency,
        autorun: true,
        lockDuration: this.options.lockDurationMs,
        stalledInterval: this.options.stalledIntervalMs,
      },
    );
    this.worker.on('error', (error: Error) => this.connections.logError(error));
    this.worker.on('completed', (job) => void this.finished(job, 'completed'));
    this.worker.on('failed', (job) => void (job && this.finished(job, 'failed')));
  }

  putOnce(key: string, value: string, ttlMs: number): Promise<void> {
    return this.ephemeral.putOnce(key, value, ttlMs);
  }

  takeOnce(key: string): Promise<string | null> {
    return this.ephemeral.takeOnce(key);
  }

  acquireSlot(key: string, limit: number): Promise<boolean> {
    return this.ephemeral.acquireSlot(key, limit);
  }

  releaseSlot(key: string): Promise<void> {
    return this.ephemeral.releaseSlot(key);
  }

  async close(): Promise<void> {
    const settle = (work: Promise<unknown> | undefined) =>
      Promise.race([work?.catch(() => undefined), new Promise((r) => setTimeout(r, 2000).unref())]);
    // Closing (not just disconnecting) stops BullMQ's own reconnect loops, even with Redis down.
    // Workers close without waiting for running tasks: those are taken back by another worker
    // (BullMQ's stalled-job check) and run again, so a shutdown never hangs on a long task.
    this.sweeper.stop();
    await Promise.all([
      settle(this.worker?.close(true)),
      settle(this.events?.close()),
      settle(this.queue.close()),
    ]);
    this.connections.disconnectAll();
    this.local.removeAllListeners();
  }

  /** Pushes BullMQ's own events (Redis streams) and cancels (pub/sub) to local listeners. */
  private ensureListening(): void {
    if (this.events) return;
    const { QueueEvents: BullQueueEvents } = loadBullmq();
    const connection = this.connections.open({ maxRetriesPerRequest: null });
    this.events = new BullQueueEvents(this.queueName, { connection, prefix: this.prefix });
    this.events.on('error', (error: Error) => this.connections.logError(error));
    const emit = ({ jobId }: { jobId: string }) => this.local.emit(jobId);
    for (const name of TASK_EVENTS) {
      this.events.on(name, emit as never);
    }
    this.subscriber = this.connections.open({});
    void this.subscriber.subscribe(this.key('cancel-channel')).catch(() => undefined);
    this.subscriber.on('message', (_channel: string, id: string) => {
      void this.worker?.cancelJob(id, 'cancelled');
      this.local.emit(id);
    });
  }

  /** A task's record: its job, or the record kept for it outside BullMQ. */
  private async read(id: string): Promise<TaskRecord | null> {
    let job = await this.queue.getJob(id);
    if (job) {
      const state = await job.getState();
      // Finished between the two reads: read the job again for its outcome.
      if ((state === 'completed' || state === 'failed') && !job.finishedOn) {
        job = await this.queue.getJob(id);
      }
      if (job && state !== 'unknown') return jobToRecord(job, state);
    }
    return (await this.kept.read(id))?.record ?? null;
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

  private addJob(id: string, data: JobData) {
    return this.queue.add(data.request.urlName, data, {
      jobId: id,
      ...(data.dedupKey === undefined ? {} : { deduplication: { id: data.dedupKey } }),
      ...this.jobOptions(),
    });
  }

  /**
   * Bookkeeping of a job that ended in this worker: a completed task drops its inputs (nothing
   * can retry it), the cancel flag goes, and the owner's index learns when the task expires.
   * Failures here are logged and never change the task's outcome.
   */
  private async finished(job: Job<JobData>, state: 'completed' | 'failed'): Promise<void> {
    try {
      if (state === 'completed') {
        await job.updateData({ ...job.data, request: withoutInputs(job.data.request) });
      }
      await this.client.del(this.key('cancel', job.id!));
      await this.expireFromIndex(jobToRecord(job, state));
    } catch (error) {
      this.connections.logError(error as Error);
    }
  }

  private async expireFromIndex(record: TaskRecord): Promise<void> {
    if (record.ownerId === null) return;
    const keep =
      record.status === 'completed' ? this.retention.completedMs : this.retention.failedMs;
    await this.owners.expireAt(record.ownerId, record.id, Date.now() + keep);
  }

  private jobOptions() {
    return {
      attempts: 1,
      removeOnComplete: { age: Math.ceil(this.retention.completedMs / 1000) },
      removeOnFail: { age: Math.ceil(this.retention.failedMs / 1000) },
    };
  }

  private key(...parts: string[]): string {
    return [this.prefix, this.queueName, 'mindoff', ...parts].join(':');
  }
}
