import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { RequestMethod, type INestApplication, type NestApplicationOptions } from '@nestjs/common';
import { AppModule } from './app.module';
import { setupApiDocs } from './docs/api-docs';

/**
 * The sample on express (default) or fastify (`MINDOFF_ADAPTER=fastify`), with its API docs at
 * `/docs`. `GLOBAL_PREFIX=api` serves every API under `/api/` (the home page stays at `/`).
 */
export async function createSampleApp(
  adapter = process.env.MINDOFF_ADAPTER ?? 'express',
  options: NestApplicationOptions = {},
  prefix = process.env.GLOBAL_PREFIX,
): Promise<INestApplication> {
  const app =
    adapter === 'fastify'
      ? await NestFactory.create(
          AppModule,
          new FastifyAdapter({ routerOptions: { ignoreTrailingSlash: true } }),
          options,
        )
      : await NestFactory.create(AppModule, options);
  if (prefix) app.setGlobalPrefix(prefix, { exclude: [{ path: '/', method: RequestMethod.GET }] });
  setupApiDocs(app);
  return app;
}
