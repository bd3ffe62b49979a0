import { Injectable, Logger, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { toEnvelopeError } from '../errors/to-envelope-error';
import { MindoffRegistry } from '../registry/mindoff.registry';
import { REQUEST_ID_ATTRIBUTE } from '../request-id/request-id';
import { forRequest } from '../request-id/request.logger';
import { EnvelopeSender } from '../rendering/envelope.sender';
import { resultEnvelopeJson, type DataWriter } from '../rendering/result-envelope';
import { MindoffTelemetry } from '../telemetry/mindoff.telemetry';
import type { MindoffResponse } from '../responses';
import { QueueContext } from './queue-context';
import type { TaskRun } from './queue-driver';
import { TaskCancelledError } from './task-cancelled.error';
import type { TaskOutcome, TaskRecord } from './task.types';
import { UnknownStepError } from './unknown-step.error';

type Runnable = { run(ctx: unknown): unknown };

/**
 * Runs one task in a worker: the class of the version that was called, with the request as it
 * was enqueued (auth is not re-run). What `run()` returns becomes the stored envelope; what it
 * throws becomes `{ code, message }` (the stack is logged, never stored).
 */
@Injectable()
export class TaskExecutor {
  private readonly logger = new Logger('MindoffQueue');
  private readonly instances = new Map<Type<unknown>, Runnable>();

  constructor(
    private readonly registry: MindoffRegistry,
    private readonly moduleRef: ModuleRef,
    private readonly sender: EnvelopeSender,
    private readonly telemetry: MindoffTelemetry,
  ) {}

  /** Runs `task`; its log lines carry the id of the request that enqueued it. */
  readonly execute = (task: TaskRecord, run: TaskRun): Promise<TaskOutcome> =>
    this.recorded(task, run);

  /** The run, inside its span (linked to the enqueuing request) and measured, when an SDK records. */
  private async recorded(task: TaskRecord, run: TaskRun): Promise<TaskOutcome> {
    const telemetry = this.telemetry.taskStarted(task);
    if (!telemetry) return this.runTask(task, run);
    telemetry.span?.setAttribute(REQUEST_ID_ATTRIBUTE, task.request.requestId);
    const outcome = await telemetry.within(() => this.runTask(task, run));
    telemetry.finished(outcome.kind, outcome.kind === 'failed' ? outcome.error.code : undefined);
    return outcome;
  }

  private async runTask(task: TaskRecord, run: TaskRun): Promise<TaskOutcome> {
    const { urlName, version } = task.request;
    const api = this.registry.find(urlName, version);
    if (!api) {
      return this.failure('API_CONFIG_ERR', `No API ${urlName} v${version} in this process.`);
    }
    try {
      const ctx = new QueueContext(task.id, task, run, api.options.progressSteps ?? {});
      const result = await this.instance(api.cls).run(ctx);
      if (run.signal.aborted) return { kind: 'cancelled' };
      return await this.completed(result, task.request.requestId, api.serializeData);
    } catch (error) {
      if (error instanceof TaskCancelledError || run.signal.aborted) return { kind: 'cancelled' };
      if (error instanceof UnknownStepError) return this.failure(error.code, error.message);
      const { code } = toEnvelopeError(error, task.request.requestId);
      return this.failure(code);
    }
  }

  /** The stored envelope of what `run()` returned, its data written by the API's `responseSchema`. */
  private async completed(
    result: unknown,
    requestId: string | undefined,
    writeData: DataWriter | null,
  ): Promise<TaskOutcome> {
    try {
      const envelope = await resultEnvelopeJson(this.sender, result, writeData ?? undefined);
      if (!envelope) {
        return this.failure(
          'API_CONFIG_ERR',
          `A queue-mode API answers JSON; MindoffResponse.${(result as MindoffResponse).kind}() cannot be stored.`,
        );
      }
      return {
        kind: 'completed',
        httpStatus: envelope.httpStatus,
        body: JSON.parse(envelope.json),
      };
    } catch (error) {
      this.logger.error(
        forRequest(requestId, `A task's result is not JSON: ${(error as Error).message}`),
      );
      return this.failure('UNEXPECTED_ERR');
    }
  }

  private failure(code: string, message?: string): TaskOutcome {
    const { httpStatus, body } = this.sender.build(code);
    const known = (body as { message: { code: string; description: string } }).message;
    return {
      kind: 'failed',
      httpStatus,
      error: { code: known.code, message: message ?? known.description },
    };
  }

  private instance(cls: Type<unknown>): Runnable {
    let instance = this.instances.get(cls);
    if (!instance) {
      instance = this.moduleRef.get(cls, { strict: false }) as Runnable;
      this.instances.set(cls, instance);
    }
    return instance;
  }
}
