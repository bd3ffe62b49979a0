import { Injectable, type Type } from '@nestjs/common';
import type { Attributes, Tracer } from '@opentelemetry/api';
import { otelApi, type OtelApi } from './otel.loader';
import { attachTelemetry, RequestTelemetry } from './request.telemetry';
import { ATTR } from './telemetry.attributes';
import { createInstruments, type TelemetryInstruments } from './telemetry.instruments';
import { TaskTelemetry } from './task.telemetry';

/** What telemetry needs to know of an API version (a `CompiledApi` is one). */
export interface TelemetryApi {
  readonly cls?: Type<unknown>;
  readonly urlName: string;
  readonly method: string;
  readonly route: { readonly version: number; readonly apiPath: string };
}

/** Where the router serves an API class (the app's `MindoffRoutes`). */
export interface ServedRoutes {
  pathOf(cls: Type<unknown>): string | undefined;
}

/** What telemetry needs to know of a task about to run. */
export interface TelemetryTask {
  id: string;
  createdAt: number;
  request: { urlName: string; version: number; traceContext?: Record<string, string> };
}

const NAME = 'mindoff';

/**
 * mindoff's metrics and traces, through `@opentelemetry/api` only. Whether an SDK records is read
 * once, when the app is created: with none registered (or the API not installed) every method is a
 * no-op that allocates nothing per request. Register the SDK before creating the Nest app.
 */
@Injectable()
export class MindoffTelemetry {
  private readonly otel = otelApi();
  private readonly instruments?: TelemetryInstruments;
  private readonly tracer?: Tracer;
  private readonly apis = new WeakMap<TelemetryApi, { name: string; attributes: Attributes }>();

  constructor() {
    const otel = this.otel;
    if (!otel) return;
    const meter = otel.metrics.getMeter(NAME);
    if (meter.constructor !== otel.createNoopMeter().constructor) {
      this.instruments = createInstruments(meter);
    }
    if (tracing(otel)) this.tracer = otel.trace.getTracer(NAME);
  }

  /** True when an SDK records mindoff's metrics or traces. */
  get recording(): boolean {
    return this.instruments !== undefined || this.tracer !== undefined;
  }

  /**
   * Starts the telemetry of one request to `api` and leaves it on `request`; undefined (and nothing
   * left) when nothing records. `spanAttributes` go on the span only (not on metrics), e.g.
   * `{ 'mindoff.request_id': id }`.
   */
  begin(
    api: TelemetryApi,
    request: Record<symbol, unknown>,
    rawResponse: { statusCode: number },
    routes?: ServedRoutes,
    spanAttributes?: Attributes,
  ): RequestTelemetry | undefined {
    const otel = this.otel;
    if (!otel || !this.recording) return undefined;
    const { name, attributes } = this.describe(api, routes);
    const span = this.tracer?.startSpan(name, {
      kind: otel.SpanKind.SERVER,
      attributes: spanAttributes ? { ...attributes, ...spanAttributes } : attributes,
    });
    const telemetry = new RequestTelemetry(
      otel,
      this.instruments,
      span,
      attributes,
      rawResponse,
      performance.now(),
    );
    attachTelemetry(request, telemetry);
    return telemetry;
  }

  /**
   * Starts the telemetry of one run of `task`: records how long it waited, and starts its span
   * linked to the request that enqueued it. Undefined when nothing records. `spanAttributes` go on
   * the span only, e.g. `{ 'mindoff.request_id': id }`.
   */
  taskStarted(task: TelemetryTask, spanAttributes?: Attributes): TaskTelemetry | undefined {
    const otel = this.otel;
    if (!otel || !this.recording) return undefined;
    const { urlName, version } = task.request;
    const attributes: Attributes = { [ATTR.api]: urlName, [ATTR.version]: version };
    this.instruments?.taskWait.record(Math.max(0, Date.now() - task.createdAt) / 1000, attributes);
    let span;
    if (this.tracer) {
      const enqueuer = otel.propagation.extract(otel.ROOT_CONTEXT, task.request.traceContext ?? {});
      const link = otel.trace.getSpanContext(enqueuer);
      span = this.tracer.startSpan(
        `process ${urlName} v${version}`,
        {
          kind: otel.SpanKind.CONSUMER,
          attributes: { ...attributes, [ATTR.taskId]: task.id, ...spanAttributes },
          links: link && otel.isSpanContextValid(link) ? [{ context: link }] : [],
        },
        otel.ROOT_CONTEXT,
      );
    }
    return new TaskTelemetry(otel, this.instruments, span, attributes, performance.now());
  }

  /**
   * A task cancelled before any worker took it: it never runs, so its final state is counted here
   * (`mindoff.tasks`, state `cancelled`); tasks that run are counted when their run ends.
   */
  taskCancelledWhileQueued(task: TelemetryTask): void {
    if (!this.instruments) return;
    const { urlName, version } = task.request;
    this.instruments.tasks.add(1, {
      [ATTR.api]: urlName,
      [ATTR.version]: version,
      [ATTR.taskState]: 'cancelled',
    });
  }

  /**
   * Reports the queue's depth (`mindoff.queue.depth`, waiting and active) from `read` each time
   * metrics are collected; returns the unregister.
   */
  observeQueueDepth(read: () => Promise<{ waiting: number; active: number }>): () => void {
    const gauge = this.instruments?.queueDepth;
    if (!gauge) return () => {};
    const callback = async (result: { observe(value: number, attributes: Attributes): void }) => {
      const { waiting, active } = await read();
      result.observe(waiting, { [ATTR.taskState]: 'waiting' });
      result.observe(active, { [ATTR.taskState]: 'active' });
    };
    gauge.addCallback(callback);
    return () => gauge.removeCallback(callback);
  }

  /**
   * The span name and attributes of an API version, built once; its `http.route` is the path the
   * router serves it at (global prefix and `RouterModule` path included), as the client called it.
   */
  private describe(
    api: TelemetryApi,
    routes: ServedRoutes | undefined,
  ): { name: string; attributes: Attributes } {
    let described = this.apis.get(api);
    if (!described) {
      const served = api.cls && routes?.pathOf(api.cls);
      const route = served || `/v${api.route.version}/${api.route.apiPath}`;
      described = {
        name: `${api.method} ${route}`,
        attributes: {
          [ATTR.method]: api.method,
          [ATTR.route]: route,
          [ATTR.api]: api.urlName,
          [ATTR.version]: api.route.version,
        },
      };
      this.apis.set(api, described);
    }
    return described;
  }
}

/** True when a tracer provider is registered (the API's own proxy has a delegate). */
function tracing(otel: OtelApi): boolean {
  const provider = otel.trace.getTracerProvider();
  if (!(provider instanceof otel.ProxyTracerProvider)) return true;
  return provider.getDelegateTracer(NAME) !== undefined;
}
