import type { Attributes, Span } from '@opentelemetry/api';
import type { OtelApi } from './otel.loader';
import { ATTR } from './telemetry.attributes';
import type { TelemetryInstruments } from './telemetry.instruments';

/** How a task run ended, as its telemetry records it. */
export type TaskEnd = 'completed' | 'failed' | 'cancelled';

/**
 * One task run's span (linked to the request that enqueued it) and measurements. Exists only when
 * an OpenTelemetry SDK records metrics or traces.
 */
export class TaskTelemetry {
  constructor(
    private readonly otel: OtelApi,
    private readonly instruments: TelemetryInstruments | undefined,
    readonly span: Span | undefined,
    private readonly attributes: Attributes,
    private readonly startedAt: number,
  ) {}

  /** Runs `fn` with the task span active, so spans `run()` starts are its children. */
  within<T>(fn: () => T): T {
    if (!this.span) return fn();
    const { context, trace } = this.otel;
    return context.with(trace.setSpan(context.active(), this.span), fn);
  }

  /** The run ended in `state` (with the failure's `code` when it failed). */
  finished(state: TaskEnd, code?: string): void {
    const outcome: Attributes = { ...this.attributes, [ATTR.taskState]: state };
    if (code !== undefined) outcome[ATTR.code] = code;
    if (this.instruments) {
      this.instruments.tasks.add(1, outcome);
      this.instruments.taskRun.record((performance.now() - this.startedAt) / 1000, outcome);
    }
    if (this.span) {
      this.span.setAttributes(outcome);
      if (state === 'failed') {
        this.span.setStatus({ code: this.otel.SpanStatusCode.ERROR, message: code });
      }
      this.span.end();
    }
  }
}
