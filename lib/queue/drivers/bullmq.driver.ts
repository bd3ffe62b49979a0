import type { Job, Queue, QueueEvents, Worker } from 'bullmq';
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { CancelResult, QueueDriver, TaskListQuery, TaskRunner } from '../queue-driver';
import type { QueueRetention } from '../../interfaces/resolved-mindoff-options.interface';
import { bullmqMissing } from '../../mindoff.messages';
import { loadOptionalPeer } from '../../optional-peer';
import { pageOfTasks } from '../task-list';
import type { NewTask, TaskRecord } from '../task.types';
import { jobToRecord, type JobData } from './bullmq-job-record';
import { bullmqTaskProcessor } from './bullmq-task.processor';
import { BrokerCall } from './broker-call';
import { CancelledTombstones } from './cancelled-tombstones';
import type { RedisConnection } from './redis-connection';
import { RedisConnections } from './redis-connections';
import { RedisEphemeralStore } from './redis-ephemeral.store';

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
const JOB_TYPES = ['active', 'waiting', 'delayed', 'prioritized', 'completed', 'failed'] as const;

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
  private readonly tombstones: CancelledTombstones;
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
    this.tombstones = new CancelledTombstones(
      this.client,
      (...parts) => this.key(...parts),
      this.retention.failedMs,
    );
    this.ephemeral = new RedisEphemeralStore(this.client, this.broker, (...parts) =>
      this.key(...parts),
    );
    this.queue = new BullQueue<JobData>(this.queueName, {
      connection: this.client,
      prefix: this.prefix,
    });
    this.queue.on('error', (error: Error) => this.connections.logError(error));
    // Listening from the first connection on, so no event is missed by a stream opened later.
    this.client.once('ready', () => this.ensureListening());
  }

  async enqueue(task: NewTask): Promise<{ id: string; duplicate: boolean }> {
    const job = await this.broker.run(() =>
      this.queue.add(
        task.request.urlName,
        { ownerId: task.ownerId, request: task.request, dedupKey: task.dedupKey },
        {
          jobId: task.id,
          ...(task.dedupKey === undefined ? {} : { deduplication: { id: task.dedupKey } }),
          ...this.jobOptions(),
        },
      ),
    );
    return { id: job.id!, duplicate: job.id !== task.id };
  }

  async get(id: string): Promise<TaskRecord | null> {
    return this.broker.run(async () => {
      let job = await this.queue.getJob(id);
      if (job) {
        const state = await job.getState();
        // Finished between the two reads: read the job again for its outcome.
        if ((state === 'completed' || state === 'failed') && !job.finishedOn) {
          job = await this.queue.getJob(id);
        }
        if (job && state !== 'unknown') {
          const record = jobToRecord(job, state);
          if (record.status === 'running') {
            record.cancelRequested = (await this.client.exists(this.key('cancel', id))) === 1;
          }
          return record;
        }
      }
      return this.tombstones.read(id);
    });
  }

  async list(query: TaskListQuery): Promise<{ tasks: TaskRecord[]; count: number }> {
    return this.broker.run(async () => {
      const records: TaskRecord[] = [];
      for (const type of JOB_TYPES) {
        for (const job of await this.queue.getJobs([type], 0, -1)) {
          if (job?.data?.ownerId === query.ownerId) records.push(jobToRecord(job, type));
        }
      }
      records.push(...(await this.tombstones.ofOwner(query.ownerId)));
      return pageOfTasks(records, query);
    });
  }

  async cancel(id: string): Promise<CancelResult> {
    return this.broker.run(async () => {
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
        await this.tombstones.write(cancelled, job.data.dedupKey);
        try {
          await job.remove();
          return 'cancelled';
        } catch {
          // A worker took it in between: it is running now, so cancel it as a running task.
          await this.tombstones.drop(cancelled);
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

  async retry(id: string): Promise<boolean> {
    return this.broker.run(async () => {
      const job = await this.queue.getJob(id);
      if (!job) {
        const record = await this.tombstones.read(id);
        if (record === null) return false;
        const job = await this.queue.add(
          record.request.urlName,
          { ownerId: record.ownerId, request: record.request, dedupKey: record.dedupKey },
          {
            jobId: id,
            ...(record.dedupKey === undefined ? {} : { deduplication: { id: record.dedupKey } }),
            ...this.jobOptions(),
          },
        );
        // An identical task is in flight (deduplicated): this one stays cancelled.
        if (job.id !== id) return false;
        await this.tombstones.drop(record);
        return true;
      }
      if ((await job.getState()) !== 'failed') return false;
      await this.client.del(this.key('cancel', id));
      await job.retry('failed');
      return true;
    });
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
    const clearCancel = (job: Job<JobData> | undefined) => {
      if (job) void this.client.del(this.key('cancel', job.id!)).catch(() => undefined);
    };
    this.worker.on('failed', clearCancel);
    this.worker.on('completed', clearCancel);
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
