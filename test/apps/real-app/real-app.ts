import { ValidationPipe, VersioningType, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import compression from 'compression';
import helmet from 'helmet';
import type { AddressInfo } from 'node:net';
import type { AdapterName, RunningApp } from '../../support/http-app';
import { RealAppModule } from './app.module';
import { RequestLog } from './platform/request-log';

/** How to build the app. */
export interface RealAppOptions {
  adapter: AdapterName;
  /** With `MindoffModule.forRoot()` and the mindoff APIs, or the plain app alone. */
  mindoff: boolean;
  /** With mindoff: include the queue-mode API too (default `true`). */
  queueApis?: boolean;
}

/** A running app and the lines its logging interceptor wrote. */
export interface RealApp extends RunningApp {
  requestLog: RequestLog;
}

/**
 * Builds and starts the app the way its `main.ts` would (helmet and response compression, global
 * prefix, URI versioning, global pipes, CORS), on a loopback port.
 *
 * @example
 * const server = await createRealApp({ adapter: 'fastify', mindoff: true });
 * await fetch(`${server.url}/api/users`);
 */
export async function createRealApp(options: RealAppOptions): Promise<RealApp> {
  const module = RealAppModule.register({
    mindoff: options.mindoff,
    queueApis: options.queueApis ?? true,
  });
  // abortOnError: false makes a startup failure a rejected promise instead of ending the process.
  const appOptions = { rawBody: true, logger: false as const, abortOnError: false };
  const app: INestApplication =
    options.adapter === 'fastify'
      ? await NestFactory.create(module, new FastifyAdapter(), appOptions)
      : await NestFactory.create(module, appOptions);
  if (options.adapter === 'fastify') {
    const fastifyApp = app as NestFastifyApplication;
    await fastifyApp.register(fastifyHelmet);
    await fastifyApp.register(fastifyCompress);
  } else {
    app.use(helmet(), compression());
  }
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.enableVersioning({ type: VersioningType.URI });
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  app.enableCors({ origin: 'https://example.test' });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    requestLog: app.get(RequestLog),
    close: () => app.close(),
  };
}
