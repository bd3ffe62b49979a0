import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import type { IncomingMessage, ServerResponse } from 'node:http';

type AnyRequest = IncomingMessage & { raw?: IncomingMessage };
type AnyResponse = ServerResponse & { raw?: ServerResponse; hijack?(): void };

/** `GET /metrics`: the Prometheus text format, written by the exporter itself (any adapter). */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(PrometheusExporter) private readonly exporter: PrometheusExporter) {}

  @Get()
  metrics(@Req() request: AnyRequest, @Res() response: AnyResponse): void {
    // Fastify: the exporter writes the raw response, so the reply is handed over to it.
    response.hijack?.();
    this.exporter.getMetricsRequestHandler(request.raw ?? request, response.raw ?? response);
  }
}
