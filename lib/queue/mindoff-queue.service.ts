import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { ResolvedMindoffOptions } from '../interfaces/resolved-mindoff-options.interface';
import { MINDOFF_RESOLVED_OPTIONS } from '../mindoff.constants';
import { embeddedQueueNotice } from '../mindoff.messages';
import type { CompiledApi } from '../registry/compiled-api';
import { MindoffTelemetry } from '../telemetry/mindoff.telemetry';
import { MINDOFF_QUEUE_DRIVER, type QueueDriver } from './queue-driver';
import { stableJson } from './stable-json';
import { TaskExecutor } from './task.executor';
import { TERMINAL_STATUSES, type TaskRecord, type TaskRequest } from './task.types';
import { taskUrls } from './task-urls';

/**
 * The queue as the rest of mindoff (and tests) use it: enqueue with deduplication, wait for a
 * task, and the worker's lifecycle in this process.
 */
@Injectable()
export class MindoffQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MindoffQueue');
  private stopDepthGauge?: () => void;

  constructor(
    @Inject(MINDOFF_QUEUE_DRIVER) readonly driver: QueueDriver,
    @Inject(MINDOFF_RESOLVED_OPTIONS) private readonly options: ResolvedMindoffOptions,
    private readonly executor: TaskExecutor,
    private readonly telemetry: MindoffTelemetry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.driver.durable) {
      this.logger.log(embeddedQueueNotice());
    }
    this.stopDepthGauge = this.telemetry.observeQueueDepth(() => this.driver.stats());
    const { worker, concurrency } = this.options.queue;
    if (worker) await this.driver.startWorker(this.executor.execute, concurrency);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopDepthGauge?.();
    await this.driver.close();
  }

  /**
   * Enqueues a call of `api` for `ownerId` (`user:<id>`, or null when anonymous) and returns the
   * acknowledgment's data.
   */
  async enqueue(
    api: CompiledApi,
    request: Omit<TaskRequest, 'urlName' | 'version'>,
    ownerId: string | null,
    base: string,
  ): Promise<Record<string, unknown>> {
    const task: TaskRequest = { urlName: api.urlName, version: api.route.version, ...request };
    // Anonymous callers are never deduplicated: two of them behind one address must not share a task.
    const dedupKey =
      api.options.allowDuplicateQueue || ownerId === null
        ? undefined
        : createHash('sha256')
            .update(
              stableJson({
                owner: ownerId,
                urlName: task.urlName,
                version: task.version,
                payload: task.payload,
                query: task.query,
                params: task.params,
              }),
            )
            .digest('hex');
    const { id } = await this.driver.enqueue({
      id: randomUUID(),
      ownerId,
      request: JSON.parse(JSON.stringify(task)) as TaskRequest,
      dedupKey,
    });
    return {
      queue_id: id,
      ...taskUrls(base, id),
      progress_steps: api.options.progressSteps ?? {},
    };
  }

  /** Resolves with the task once it is completed, failed or cancelled (or null if it does not exist). */
  async waitForTask(id: string, timeoutMs = 30_000): Promise<TaskRecord | null> {
    return new Promise<TaskRecord | null>((resolve, reject) => {
      let settled = false;
      const check = async () => {
        if (settled) return;
        const task = await this.driver.get(id);
        if (settled) return;
        if (!task || TERMINAL_STATUSES.has(task.status)) {
          settled = true;
          clearTimeout(timer);
          unsubscribe();
          resolve(task);
        }
      };
      const unsubscribe = this.driver.subscribe(id, () => void check().catch(reject));
      const timer = setTimeout(() => {
        settled = true;
        unsubscribe();
        reject(new Error(`Task ${id} did not finish within ${timeoutMs} ms.`));
      }, timeoutMs);
      void check().catch(reject);
    });
  }
}
