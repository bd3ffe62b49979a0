import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MetricsController } from './metrics.controller';
import type { Prometheus } from './prometheus';

const PROMETHEUS = Symbol('sample:prometheus');

/** Serves the metrics of `startPrometheus()` at `/metrics`, and stops it with the app. */
@Module({})
export class MetricsModule implements OnApplicationShutdown {
  constructor(@Inject(PROMETHEUS) private readonly prometheus: Prometheus) {}

  static register(prometheus: Prometheus): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [
        { provide: PROMETHEUS, useValue: prometheus },
        { provide: PrometheusExporter, useValue: prometheus.exporter },
      ],
    };
  }

  onApplicationShutdown(): Promise<void> {
    return this.prometheus.stop();
  }
}
