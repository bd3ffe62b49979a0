// Derived from the baseline harness (/work/shared/baseline-bench/src/common/boot.ts):
// one Nest app on express or fastify (env ADAPTER), logger off, 10 MB body limit either way
// so the 1,000-item body fits, listening on 127.0.0.1:PORT.
import 'reflect-metadata';
import type { INestApplication, PipeTransform } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';

export type AdapterName = 'express' | 'fastify';

const BODY_LIMIT = 10 * 1024 * 1024;

export function adapterFromEnv(): AdapterName {
  const name = process.env.ADAPTER ?? 'express';
  if (name !== 'express' && name !== 'fastify')
    throw new Error(`ADAPTER must be express or fastify, got ${name}`);
  return name;
}

export async function boot(module: object, pipes: PipeTransform[] = []): Promise<INestApplication> {
  const adapter = adapterFromEnv();
  let app: INestApplication;
  if (adapter === 'fastify') {
    const fastify = new FastifyAdapter({
      routerOptions: { ignoreTrailingSlash: true },
      bodyLimit: BODY_LIMIT,
    });
    app = await NestFactory.create(module, fastify, { logger: false });
  } else {
    const express = await NestFactory.create<NestExpressApplication>(module, { logger: false });
    express.useBodyParser('json', { limit: '10mb' });
    app = express;
  }
  if (pipes.length) app.useGlobalPipes(...pipes);
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port, '127.0.0.1');
  console.log(`listening ${adapter} ${port} pid=${process.pid}`);
  return app;
}
