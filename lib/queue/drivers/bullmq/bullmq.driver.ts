import type { Job, Queue, QueueEvents, Worker } from 'bullmq';
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type {
  CancelResult,
  ProgressChange,
  QueueDriver,
  QueueStats,
  TaskListQuery,
  TaskRunner,
} from '../../queue-driver';
import type { QueueRetention } from '../../../interfaces/resolved-mindoff-options.interface';
import { bullmqMissing } from '../../../mindoff.messages';
import { loadOptionalPeer } from '../../../optional-peer';
import type { NewTask, TaskRecord } from '../../task.types';
import type { JobData, StoredProgress } from './bullmq-job-record';
import { bullmqTaskProcessor } from './bullmq-task.processor';
import { BullmqTaskStore } from './bullmq-task.store';
import { BrokerCall } from './broker-call';
import type { RedisConnection } from './redis-connection';
import { RedisConnections } from './redis-connections';
import { RedisEphemeralStore } from './redis-ephemeral.store';
import type { EphemeralStore } from '../../ephemeral-store';
import { RetentionSweeper } from './retention-sweeper';
import { readBullmqStats } from './bullmq-stats';
import { SUBSCRIBER_OPTIONS, subscribeOnEveryConnection } from './redis-subscription';
import { WorkerHeartbeat } from './worker-heartbeat';

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

/**
 * Tasks as BullMQ jobs on Redis: durable, shared by every process that names the same Redis,
 * with workers in the API process or in separate worker processes. The tasks themselves live in
 * `BullmqTaskStore`; this driver owns the connections (each call answered or refused within the
 * command timeout), the worker, BullMQ's event stream pushed to status streams, cancels carried
 * by pub/sub to the process running the task, and the retention sweep.
 */
export class BullmqQueueDriver implements QueueDriver {
  readonly durable = true;
  private readonly prefix: string;
  private readonly queueName: string;
  private readonly retention: QueueRetention;
  private readonly client: Redis;
  private readonly broker: BrokerCall;
  readonly ephemeral: EphemeralStore;
  private readonly tasks: BullmqTaskStore;
  private readonly sweeper: RetentionSweeper;
  private readonly heartbeat: WorkerHeartbeat;
  private readonly queue: Queue<JobData>;

  /** The BullMQ queue itself, for the app's tools (`@InjectQueue(MINDOFF_QUEUE)`, bull-board). */
  get bullQueue(): Queue<JobData> {
    return this.queue;
  }
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
    this.ephemeral = new RedisEphemeralStore(this.client, this.broker, (...parts) =>
      this.key(...parts),
    );
    this.queue = new BullQueue<JobData>(this.queueName, {
      connection: this.client,
      prefix: this.prefix,
    });
    this.queue.on('error', (error: Error) => this.connections.logError(error));
    this.tasks = new BullmqTaskStore(
      this.queue,
      this.client,
      (...parts) => this.key(...parts),
      this.retention,
    );
    this.sweeper = new RetentionSweeper(this.queue, this.retention, (error) =>
      this.connections.logError(error),
    );
    this.sweeper.start();
    this.heartbeat = new WorkerHeartbeat(this.client, this.key('workers'));
    // Listening from the first connection on, so no event is missed by a stream opened later.
    this.client.once('ready', () => this.ensureListening());
  }

  enqueue(task: NewTask): Promise<{ id: string; duplicate: boolean }> {
    return this.broker.run(() => this.tasks.add(task));
  }

  get(id: string): Promise<TaskRecord | null> {
    return this.broker.run(() => this.tasks.read(id));
  }

  list(query: TaskListQuery): Promise<{ tasks: TaskRecord[]; count: number }> {
    return this.broker.run(() => this.tasks.list(query));
  }

  async cancel(id: string): Promise<CancelResult> {
    const result = await this.broker.run(() => this.tasks.cancel(id));
    if (result === 'cancelled') this.local.emit(id);
    return result;
  }

  retry(id: string): Promise<boolean> {
    return this.broker.run(() => this.tasks.retry(id));
  }

  subscribe(id: string, listener: (change?: ProgressChange) => void): () => void {
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
    // Bookkeeping of ended tasks: logged when it fails, never changing the task's outcome.
    const finished = (job: Job<JobData> | undefined, state: 'completed' | 'failed') => {
      if (job)
        void this.tasks.finished(job, state).catch((e: Error) => this.connections.logError(e));
    };
    this.worker.on('completed', (job) => finished(job, 'completed'));
    this.worker.on('failed', (job) => finished(job, 'failed'));
    this.heartbeat.start();
  }

  stats(): Promise<QueueStats> {
    return this.broker.run(() => readBullmqStats(this.queue, this.client, this.heartbeat));
  }

  async close(): Promise<void> {
    const settle = (work: Promise<unknown> | undefined) =>
      Promise.race([work?.catch(() => undefined), new Promise((r) => setTimeout(r, 2000).unref())]);
    // Closing (not just disconnecting) stops BullMQ's own reconnect loops, even with Redis down.
    // Workers close without waiting for running tasks: those are taken back by another worker
    // (BullMQ's stalled-job check) and run again, so a shutdown never hangs on a long task.
    this.sweeper.stop();
    await this.heartbeat.stop();
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
      if (name !== 'progress') this.events.on(name, emit as never);
    }
    // Each checkpoint travels with its event, in order, so a later read cannot skip it.
    this.events.on('progress', ({ jobId, data }: { jobId: string; data: unknown }) => {
      const { at, ...progress } = data as StoredProgress;
      const change: ProgressChange | undefined =
        typeof at === 'number' ? { progress, at } : undefined;
      this.local.emit(jobId, change);
    });
    this.subscriber = this.connections.open(SUBSCRIBER_OPTIONS);
    subscribeOnEveryConnection(this.subscriber, this.key('cancel-channel'));
    this.subscriber.on('message', (_channel: string, id: string) => {
      this.worker?.cancelJob(id, 'cancelled');
      this.local.emit(id);
    });
  }

  private key(...parts: string[]): string {
    return [this.prefix, this.queueName, 'mindoff', ...parts].join(':');
  }
}
