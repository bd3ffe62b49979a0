import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';

/** The sample on express (default) or fastify (`MINDOFF_ADAPTER=fastify`). */
export async function createSampleApp(
  adapter = process.env.MINDOFF_ADAPTER ?? 'express',
): Promise<INestApplication> {
  if (adapter === 'fastify') {
    return NestFactory.create(
      AppModule,
      new FastifyAdapter({ routerOptions: { ignoreTrailingSlash: true } }),
    );
  }
  return NestFactory.create(AppModule);
}
