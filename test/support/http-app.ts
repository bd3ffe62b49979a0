import type { DynamicModule, INestApplication, NestApplicationOptions, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';

export type AdapterName = 'express' | 'fastify';
export const ADAPTERS: AdapterName[] = ['express', 'fastify'];

/** A real Nest app listening on an ephemeral loopback port. */
export interface RunningApp {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/** How a test sets its app up: Nest's app options, and what main.ts would do before listening. */
export interface AppSetup {
  options?: NestApplicationOptions;
  setup?: (app: INestApplication) => unknown;
  /** The express app to build on (express only), e.g. one with its own router settings. */
  expressApp?: unknown;
}

/** Builds `module` on the named adapter and starts it on a socket. */
export async function startApp(
  module: Type<unknown> | DynamicModule,
  adapter: AdapterName,
  { options = {}, setup, expressApp }: AppSetup = {},
): Promise<RunningApp> {
  const ref = await Test.createTestingModule({ imports: [module] }).compile();
  const app =
    adapter === 'fastify'
      ? ref.createNestApplication(new FastifyAdapter(), { logger: false, ...options })
      : expressApp
        ? ref.createNestApplication(new ExpressAdapter(expressApp), { logger: false, ...options })
        : ref.createNestApplication({ logger: false, ...options });
  await setup?.(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => closeApp(app) };
}

/** An answer as a test reads it. */
export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed JSON of any shape
  text: string;
}

/** Sends one request with fetch; `json` bodies are serialised with the JSON content type. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { json?: unknown; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | Buffer | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(base + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

/**
 * Closes an app whose clients may keep many idle keep-alive sockets (fetch pools them): Node's
 * `server.close()` sometimes leaves such sockets open on fastify until its 72 s keep-alive timeout,
 * so after a grace second every remaining connection is closed.
 */
async function closeApp(app: INestApplication): Promise<void> {
  const server = app.getHttpServer() as { closeAllConnections?: () => void };
  const grace = setTimeout(() => server.closeAllConnections?.(), 1000);
  try {
    await app.close();
  } finally {
    clearTimeout(grace);
  }
}
