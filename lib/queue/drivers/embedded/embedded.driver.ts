import { EventEmitter } from 'node:events';
import type {
  CancelResult,
  ProgressChange,
  QueueDriver,
  QueueStats,
  TaskListQuery,
  TaskRun,
  TaskRunner,
} from '../../queue-driver';
import type { QueueRetention } from '../../../interfaces/resolved-mindoff-options.interface';
import { DEFAULT_RETENTION } from '../../../options/resolve-options';
import { pageOfTasks } from '../../task-list';
import {
  INITIAL_PROGRESS,
  type NewTask,
  type TaskOutcome,
  type TaskRecord,
} from '../../task.types';
import { applyOutcome, retentionMsOf, unexpectedFailure } from '../../task-outcome';
import { BrokerUnavailableError } from '../../../errors/broker-unavailable.error';
import { TaskMemory } from './task-memory';
import type { EphemeralStore } from '../../ephemeral-store';
import { MemoryEphemeralStore } from './memory-ephemeral.store';
import { type Entry, entryToRun, entryView, RECORD_BYTES } from './embedded-entry';
import { StoredJson } from './stored-json';
import { StoredInputs } from './task-inputs-store';
import { requestHead } from '../../task-inputs';

const MAX_TIMER_MS = 2_147_483_647;

/**
 * Tasks in this process's memory: no infrastructure, nothing survives a restart. Single-threaded
 * JavaScript makes deduplication and every state change atomic. What tasks hold is bounded: inputs
 * and results are kept as the bytes they serialize to (so the budget counts what is really held,
 * and a read never copies them), a completed task drops its inputs, and past the memory budget the
 * oldest finished tasks are forgotten first (a new task that still does not fit is refused, 503).
 */
export class EmbeddedQueueDriver implements QueueDriver {
  readonly durable = false;
  private readonly tasks = new Map<string, Entry>();
  private readonly inFlight = new Map<string, string>();
  private readonly waiting: string[] = [];
  private readonly events = new EventEmitter().setMaxListeners(0);
  readonly ephemeral: EphemeralStore = new MemoryEphemeralStore();
  private runner?: TaskRunner;
  private concurrency = 0;
  private active = 0;
  private closed = false;
  private readonly memory: TaskMemory;

  constructor(
    private readonly retention: QueueRetention = DEFAULT_RETENTION,
    maxBytes = 64 * 1024 * 1024,
  ) {
    this.memory = new TaskMemory(maxBytes);
  }

  async enqueue(task: NewTask): Promise<{ id: string; duplicate: boolean }> {
    if (task.dedupKey !== undefined) {
      const twin = this.inFlight.get(task.dedupKey);
      if (twin !== undefined) return { id: twin, duplicate: true };
    }
    const inputs = new StoredInputs(task.request);
    const bytes = RECORD_BYTES + inputs.size;
    const evicted = this.memory.makeRoom(bytes);
    if (evicted === null) {
      throw new BrokerUnavailableError(
        `the embedded queue holds its ${this.memory.limitBytes} bytes (queue.embeddedMaxMegabytes)`,
      );
    }
    for (const id of evicted) this.forget(id);
    this.memory.hold(task.id, bytes);
    if (task.dedupKey !== undefined) this.inFlight.set(task.dedupKey, task.id);
    const now = Date.now();
    this.tasks.set(task.id, {
      dedupKey: task.dedupKey,
      inputs,
      record: {
        id: task.id,
        ownerId: task.ownerId,
        request: requestHead(task.request),
        status: 'queued',
        progress: { ...INITIAL_PROGRESS },
        cancelRequested: false,
        createdAt: now,
        updatedAt: now,
      },
    });
    this.waiting.push(task.id);
    // Started after the acknowledgment, outside the request's own async context.
    setImmediate(() => this.pump());
    return { id: task.id, duplicate: false };
  }

  async get(id: string): Promise<TaskRecord | null> {
    const entry = this.tasks.get(id);
    return entry ? entryView(entry) : null;
  }

  async list(query: TaskListQuery): Promise<{ tasks: TaskRecord[]; count: number }> {
    const page = pageOfTasks(
      [...this.tasks.values()].map((e) => e.record),
      query,
    );
    return { tasks: page.tasks.map((r) => entryView(this.tasks.get(r.id)!)), count: page.count };
  }

  async cancel(id: string): Promise<CancelResult> {
    const entry = this.tasks.get(id);
    if (!entry) return 'not_cancellable';
    const { record } = entry;
    if (record.status === 'queued') {
      this.waiting.splice(this.waiting.indexOf(id), 1);
      this.finish(entry, { kind: 'cancelled' });
      return 'cancelled';
    }
    if (record.status === 'running') {
      record.cancelRequested = true;
      this.touch(entry);
      entry.controller?.abort(new Error('cancelled'));
      return 'cancel_requested';
    }
    return 'not_cancellable';
  }

  async retry(id: string): Promise<boolean> {
    const entry = this.tasks.get(id);
    if (!entry || (entry.record.status !== 'failed' && entry.record.status !== 'cancelled')) {
      return false;
    }
    // An identical task is in flight: this one stays as it is (as BullMQ's deduplication does).
    if (entry.dedupKey !== undefined && this.inFlight.has(entry.dedupKey)) return false;
    clearTimeout(entry.expiry);
    this.memory.restart(id);
    const { record } = entry;
    record.status = 'queued';
    record.progress = { ...INITIAL_PROGRESS };
    record.cancelRequested = false;
    delete entry.response;
    delete record.error;
    if (entry.dedupKey !== undefined) this.inFlight.set(entry.dedupKey, id);
    this.touch(entry);
    this.waiting.push(id);
    this.pump();
    return true;
  }

  subscribe(id: string, listener: (change?: ProgressChange) => void): () => void {
    this.events.on(id, listener);
    return () => this.events.off(id, listener);
  }

  async startWorker(runner: TaskRunner, concurrency: number): Promise<void> {
    this.runner = runner;
    this.concurrency = concurrency;
    this.pump();
  }

  /**
   * From this process's own state: the worker is alive while it is started and not closed. A
   * waiting task has not changed since it was queued, so its update time is when it was queued.
   */
  async stats(): Promise<QueueStats> {
    const oldest = this.waiting.length > 0 ? this.tasks.get(this.waiting[0]) : undefined;
    return {
      waiting: this.waiting.length,
      active: this.active,
      oldestWaitingAt: oldest?.record.updatedAt ?? null,
      workersSeenAt: this.runner && !this.closed ? Date.now() : null,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.tasks.values()) {
      clearTimeout(entry.expiry);
      entry.controller?.abort(new Error('shutting down'));
    }
    this.events.removeAllListeners();
  }

  private pump(): void {
    while (
      this.runner &&
      !this.closed &&
      this.active < this.concurrency &&
      this.waiting.length > 0
    ) {
      const entry = this.tasks.get(this.waiting.shift()!);
      if (entry) void this.execute(entry, this.runner);
    }
  }

  private async execute(entry: Entry, runner: TaskRunner): Promise<void> {
    this.active++;
    const controller = (entry.controller = new AbortController());
    entry.record.status = 'running';
    this.touch(entry);
    const run: TaskRun = {
      signal: controller.signal,
      progress: async (progress) => {
        if (entry.record.status !== 'running') return;
        entry.record.progress = progress;
        this.touch(entry, progress);
      },
    };
    let outcome: TaskOutcome;
    try {
      outcome = await runner(entryToRun(entry), run);
    } catch {
      outcome = unexpectedFailure('The task failed unexpectedly.');
    }
    entry.controller = undefined;
    this.active--;
    if (!this.closed) {
      this.finish(entry, controller.signal.aborted ? { kind: 'cancelled' } : outcome);
      setImmediate(() => this.pump());
    }
  }

  private finish(entry: Entry, outcome: TaskOutcome): void {
    const { record } = entry;
    if (entry.dedupKey !== undefined && this.inFlight.get(entry.dedupKey) === record.id) {
      this.inFlight.delete(entry.dedupKey);
    }
    applyOutcome(record, outcome);
    if (record.response) {
      const body = new StoredJson(record.response.body);
      entry.response = { httpStatus: record.response.httpStatus, body };
      delete record.response;
      // A completed task keeps its result, not its inputs: no retry can need them.
      entry.inputs = undefined;
      this.memory.hold(record.id, RECORD_BYTES + body.size);
    }
    this.memory.finish(record.id);
    this.touch(entry);
    this.expireAt(entry, Date.now() + retentionMsOf(record, this.retention));
  }

  /** Forgets the task at `at` (in steps, as timers cannot wait longer than about 24.8 days). */
  private expireAt(entry: Entry, at: number): void {
    const wait = at - Date.now();
    entry.expiry = setTimeout(
      () => (wait > MAX_TIMER_MS ? this.expireAt(entry, at) : this.forget(entry.record.id)),
      Math.min(Math.max(0, wait), MAX_TIMER_MS),
    ).unref();
  }

  /** Forgets a finished task (its retention ended, or room was needed). */
  private forget(id: string): void {
    clearTimeout(this.tasks.get(id)?.expiry);
    this.tasks.delete(id);
    this.memory.forget(id);
  }

  private touch(entry: Entry, progress?: TaskRecord['progress']): void {
    entry.record.updatedAt = Math.max(Date.now(), entry.record.updatedAt + 1);
    const change = progress && { progress: { ...progress }, at: entry.record.updatedAt };
    this.events.emit(entry.record.id, change);
  }
}
