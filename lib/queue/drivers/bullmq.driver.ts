import { Logger } from '@nestjs/common';
import type { Job, Queue, QueueEvents, Worker } from 'bullmq';
import { EventEmitter } from 'node:events';
import type { Redis, RedisOptions } from 'ioredis';
import type { CancelResult, QueueDriver, TaskListQuery, TaskRunner } from '../queue-driver';
import type { QueueRetention } from '../../interfaces/resolved-mindoff-options.interface';
import { bullmqMissing } from '../../mindoff.messages';
import { loadOptionalPeer } from '../../optional-peer';
import type { NewTask, TaskRecord } from '../task.types';
import { jobToRecord, type JobData, type StoredProgress } from './bullmq-job-record';
import { BrokerCall } from './broker-call';
import { createRedis, type RedisConnection } from './redis-connection';

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

const QUEUED_STATES = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children']);
const JOB_TYPES = ['active', 'waiting', 'delayed', 'prioritized', 'completed', 'failed'] as const;

const ACQUIRE_SLOT = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n >= tonumber(ARGV[1]) then return 0 end
redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;
const RELEASE_SLOT = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n <= 1 then redis.call('DEL', KEYS[1]) else redis.call('DECR', KEYS[1]) end
return 1`;

/**
 * Tasks as BullMQ jobs on Redis: durable, shared by every process that names the same Redis,
 * with workers in the API process or in separate worker processes. The job is the task's only
 * record while it is queued or running (one atomic write at enqueue; BullMQ deduplicates);
 * a finished job's return value or failure reason holds the outcome. Cancels reach the process
 * running the task through Redis pub/sub.
 */
export class BullmqQueueDriver implements QueueDriver {
  readonly durable = true;
  private readonly logger = new Logger('MindoffQueue');
  private readonly prefix: string;
  private readonly queueName: string;
  private readonly retention: QueueRetention;
  private readonly timeoutMs: number;
  private readonly client: Redis;
  private readonly broker: BrokerCall;
  private readonly queue: Queue<JobData>;
  private readonly local = new EventEmitter().setMaxListeners(0);
  private subscriber?: Redis;
  private events?: QueueEvents;
  private worker?: Worker<JobData>;
  private lastErrorLog = 0;
  private readonly connections: Redis[] = [];

  constructor(private readonly options: BullmqDriverOptions) {
    const { Queue: BullQueue } = loadBullmq();
    this.prefix = options.prefix;
    this.queueName = options.queueName;
    this.retention = options.retention;
    this.timeoutMs = options.commandTimeoutMs;
    this.client = this.connect({
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: this.timeoutMs,
    });
    this.broker = new BrokerCall(this.client, this.timeoutMs);
    this.queue = new BullQueue<JobData>(this.queueName, {
      connection: this.client,
      prefix: this.prefix,
    });
    this.queue.on('error', (error: Error) => this.logError(error));
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
      const tombstone = await this.client.get(this.key('cancelled', id));
      return tombstone === null ? null : (JSON.parse(tombstone) as TaskRecord);
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
      const now = Date.now();
      const key = this.key('cancelled-index', query.ownerId);
      await this.client.zremrangebyscore(key, 0, now);
      for (const id of await this.client.zrange(key, '0', '-1')) {
        const tombstone = await this.client.get(this.key('cancelled', id));
        if (tombstone !== null) records.push(JSON.parse(tombstone) as TaskRecord);
      }
      const matching = records
        .filter(
          (r) =>
            (query.id === undefined || r.id === query.id) &&
            (query.status === undefined || r.status === query.status) &&
            (query.urlName === undefined || r.request.urlName === query.urlName),
        )
        .sort((a, b) => b.createdAt - a.createdAt);
      const start = (query.page - 1) * query.pageSize;
      return { tasks: matching.slice(start, start + query.pageSize), count: matching.length };
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
        await this.writeTombstone(cancelled);
        try {
          await job.remove();
          return 'cancelled';
        } catch {
          // A worker took it in between: it is running now, so cancel it as a running task.
          await this.dropTombstone(cancelled);
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
        const tombstone = await this.client.get(this.key('cancelled', id));
        if (tombstone === null) return false;
        const record = JSON.parse(tombstone) as TaskRecord & { dedupKey?: string };
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
        await this.dropTombstone(record);
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
    const connection = this.connect({ maxRetriesPerRequest: null });
    this.worker = new BullWorker<JobData>(
      this.queueName,
      async (job, _token, signal) => {
        const abort = signal ?? new AbortController().signal;
        if ((await this.client.exists(this.key('cancel', job.id!))) === 1) {
          throw new UnrecoverableError(JSON.stringify({ kind: 'cancelled' }));
        }
        const outcome = await runner(jobToRecord(job, 'active'), {
          signal: abort,
          progress: async (progress) => {
            await job.updateProgress({ ...progress, at: Date.now() } satisfies StoredProgress);
            // A cancel whose message this process missed (e.g. during a reconnect) still lands.
            if ((await this.client.exists(this.key('cancel', job.id!))) === 1) {
              this.worker?.cancelJob(job.id!, 'cancelled');
            }
          },
        });
        if (abort.aborted) throw new UnrecoverableError(JSON.stringify({ kind: 'cancelled' }));
        if (outcome.kind === 'completed') return outcome;
        throw new UnrecoverableError(JSON.stringify(outcome));
      },
      {
        connection,
        prefix: this.prefix,
        concurrency,
        autorun: true,
        lockDuration: this.options.lockDurationMs,
        stalledInterval: this.options.stalledIntervalMs,
      },
    );
    this.worker.on('error', (error: Error) => this.logError(error));
    const clearCancel = (job: Job<JobData> | undefined) => {
      if (job) void this.client.del(this.key('cancel', job.id!)).catch(() => undefined);
    };
    this.worker.on('failed', clearCancel);
    this.worker.on('completed', clearCancel);
  }

  async putOnce(key: string, value: string, ttlMs: number): Promise<void> {
    await this.broker.run(() => this.client.set(this.key('once', key), value, 'PX', ttlMs));
  }

  async takeOnce(key: string): Promise<string | null> {
    return this.broker.run(() => this.client.getdel(this.key('once', key)));
  }

  async acquireSlot(key: string, limit: number): Promise<boolean> {
    const granted = await this.broker.run(() =>
      this.client.eval(ACQUIRE_SLOT, 1, this.key('slot', key), limit, 3_600_000),
    );
    return granted === 1;
  }

  async releaseSlot(key: string): Promise<void> {
    await this.client.eval(RELEASE_SLOT, 1, this.key('slot', key)).catch(() => undefined);
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
    for (const connection of this.connections) connection.disconnect();
    this.local.removeAllListeners();
  }

  private connect(overrides: RedisOptions): Redis {
    const connection = createRedis(this.options.connection, overrides);
    connection.on('error', (error: Error) => this.logError(error));
    this.connections.push(connection);
    return connection;
  }

  /** Pushes BullMQ's own events (Redis streams) and cancels (pub/sub) to local listeners. */
  private ensureListening(): void {
    if (this.events) return;
    const { QueueEvents: BullQueueEvents } = loadBullmq();
    const connection = this.connect({ maxRetriesPerRequest: null });
    this.events = new BullQueueEvents(this.queueName, { connection, prefix: this.prefix });
    this.events.on('error', (error: Error) => this.logError(error));
    const emit = ({ jobId }: { jobId: string }) => this.local.emit(jobId);
    for (const name of [
      'waiting',
      'active',
      'progress',
      'completed',
      'failed',
      'removed',
    ] as const) {
      this.events.on(name, emit as never);
    }
    this.subscriber = this.connect({});
    void this.subscriber.subscribe(this.key('cancel-channel')).catch(() => undefined);
    this.subscriber.on('message', (_channel: string, id: string) => {
      void this.worker?.cancelJob(id, 'cancelled');
      this.local.emit(id);
    });
  }

  private async writeTombstone(record: TaskRecord): Promise<void> {
    const expires = Date.now() + this.retention.failedMs;
    const job = await this.queue.getJob(record.id);
    const stored = { ...record, dedupKey: job?.data.dedupKey };
    const write = this.client
      .multi()
      .set(this.key('cancelled', record.id), JSON.stringify(stored), 'PX', this.retention.failedMs);
    // Only owned tasks are ever listed, so only they are indexed.
    if (record.ownerId !== null) {
      write.zadd(this.key('cancelled-index', record.ownerId), expires, record.id);
    }
    await write.exec();
  }

  private async dropTombstone(record: TaskRecord): Promise<void> {
    await this.client
      .multi()
      .del(this.key('cancelled', record.id))
      .zrem(this.key('cancelled-index', record.ownerId ?? ''), record.id)
      .exec();
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

  private logError(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = now;
    this.logger.error(`Redis: ${error.message}`);
  }
}
