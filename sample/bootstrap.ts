import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { INestApplication, NestApplicationOptions } from '@nestjs/common';
import { AppModule } from './app.module';
import { setupApiDocs } from './docs/api-docs';

/** The sample on express (default) or fastify (`MINDOFF_ADAPTER=fastify`), with its API docs at `/docs`. */
export async function createSampleApp(
  adapter = process.env.MINDOFF_ADAPTER ?? 'express',
  options: NestApplicationOptions = {},
): Promise<INestApplication> {
  const app =
    adapter === 'fastify'
      ? await NestFactory.create(
          AppModule,
          new FastifyAdapter({ routerOptions: { ignoreTrailingSlash: true } }),
          options,
        )
      : await NestFactory.create(AppModule, options);
  setupApiDocs(app);
  return app;
}
