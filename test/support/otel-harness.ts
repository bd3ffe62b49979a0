import {
  context,
  metrics,
  propagation,
  trace,
  ROOT_CONTEXT,
  type Context,
  type ContextManager,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  MeterProvider,
  MetricReader,
  type DataPoint,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { AsyncLocalStorage } from 'node:async_hooks';

/** A metric reader the test collects on demand. */
class OnDemandReader extends MetricReader {
  protected async onShutdown(): Promise<void> {}
  protected async onForceFlush(): Promise<void> {}
}

/** The context manager a Node SDK registers, on AsyncLocalStorage (what NodeSDK does). */
class AsyncContextManager implements ContextManager {
  private readonly storage = new AsyncLocalStorage<Context>();
  active(): Context {
    return this.storage.getStore() ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.storage.run(ctx, () => fn.call(thisArg, ...args));
  }
  bind<T>(_ctx: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.storage.disable();
    return this;
  }
}

/** An OpenTelemetry SDK registered globally for a test: in-memory spans and on-demand metrics. */
export interface OtelHarness {
  /** Every finished span so far. */
  spans(): ReadableSpan[];
  /** The data points of the metric `name` collected now (empty when it recorded nothing). */
  points(name: string): DataPoint<unknown>[];
  /** Collects metrics now. */
  collect(): Promise<void>;
  reset(): void;
  /** Unregisters everything (the API is a no-op again). */
  stop(): Promise<void>;
}

/** Registers an SDK (tracer, meter, W3C propagator, async context) globally. */
export function startOtel(): OtelHarness {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const reader = new OnDemandReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  context.setGlobalContextManager(new AsyncContextManager());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  let collected: MetricData[] = [];
  const find = (name: string) => collected.find((metric) => metric.descriptor.name === name);
  return {
    spans: () => exporter.getFinishedSpans(),
    points: (name) => (find(name)?.dataPoints ?? []) as DataPoint<unknown>[],
    collect: async () => {
      const { resourceMetrics } = await reader.collect();
      collected = resourceMetrics.scopeMetrics
        .filter((scope) => scope.scope.name === 'mindoff')
        .flatMap((scope) => scope.metrics);
    },
    reset: () => exporter.reset(),
    stop: async () => {
      await meterProvider.shutdown();
      await tracerProvider.shutdown();
      trace.disable();
      metrics.disable();
      propagation.disable();
      context.disable();
    },
  };
}
