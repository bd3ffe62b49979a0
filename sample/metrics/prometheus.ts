import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';

/** The sample's Prometheus exporter and how to stop it. */
export interface Prometheus {
  exporter: PrometheusExporter;
  stop(): Promise<void>;
}

/**
 * Registers an OpenTelemetry meter provider whose metrics (mindoff's included) are read by a
 * Prometheus exporter; the sample serves them at `/metrics` instead of the exporter's own port.
 * Call it before the Nest app is created: mindoff creates its instruments when the app starts.
 */
export function startPrometheus(): Prometheus {
  const exporter = new PrometheusExporter({ preventServerStart: true });
  const provider = new MeterProvider({ readers: [exporter] });
  metrics.setGlobalMeterProvider(provider);
  return {
    exporter,
    stop: async () => {
      await provider.shutdown();
      metrics.disable();
    },
  };
}
