import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { RequestMethod, type INestApplication, type NestApplicationOptions } from '@nestjs/common';
import { AppModule } from './app.module';
import { setupApiDocs } from './docs/api-docs';
import { MetricsModule } from './metrics/metrics.module';
import { startPrometheus } from './metrics/prometheus';

/**
 * The sample on express (default) or fastify (`MINDOFF_ADAPTER=fastify`), with its API docs at
 * `/docs`. `GLOBAL_PREFIX=api` serves every API under `/api/` (the home page stays at `/`).
 * `METRICS=prometheus` records mindoff's metrics and serves them at `/metrics`.
 */
export async function createSampleApp(
  adapter = process.env.MINDOFF_ADAPTER ?? 'express',
  options: NestApplicationOptions = {},
  prefix = process.env.GLOBAL_PREFIX,
): Promise<INestApplication> {
  // The meter provider is registered before the app is created, so mindoff's instruments record.
  const root =
    process.env.METRICS === 'prometheus'
      ? { module: AppModule, imports: [MetricsModule.register(startPrometheus())] }
      : AppModule;
  const app =
    adapter === 'fastify'
      ? await NestFactory.create(root, new FastifyAdapter(), options)
      : await NestFactory.create(root, options);
  if (prefix) app.setGlobalPrefix(prefix, { exclude: [{ path: '/', method: RequestMethod.GET }] });
  setupApiDocs(app);
  return app;
}
