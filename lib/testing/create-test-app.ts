import type {
  DynamicModule,
  ForwardReference,
  INestApplication,
  LoggerService,
  LogLevel,
  Type,
} from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import type { MindoffModuleOptions } from '../interfaces/mindoff-module-options.interface';
import { MINDOFF_RUN_INLINE } from '../mindoff.constants';
import { MindoffModule } from '../mindoff.module';
import { MindoffRegistry } from '../registry/mindoff.registry';
import { MindoffRoutes } from '../routing/mindoff-routes';
import { MindoffTestApp } from './mindoff-test-app';
import type { QueueTestMode } from './queue-test-mode';
import { MindoffTestingError } from './testing.error';

/** A module to test: a class, a dynamic module such as a version map, or a forward reference. */
type ModuleEntry = Type<unknown> | DynamicModule | ForwardReference | Promise<DynamicModule>;

/** Options of `createTestApp()`; all optional. */
export interface TestAppOptions {
  /** `MindoffModule.forRoot()` options, used when the module does not import MindoffModule itself. */
  mindoff?: MindoffModuleOptions;
  /** The HTTP adapter, e.g. `new FastifyAdapter()`; default express. */
  httpAdapter?: AbstractHttpAdapter;
  /** Changes the testing module before it compiles, e.g. `(b) => b.overrideProvider(Repo).useValue(fake)`. */
  configure?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /**
   * Queue-mode APIs: `'direct'` (default) runs them in the request; `'wait'` enqueues them and
   * `call()` waits for the task. Applies when the kit adds MindoffModule; a module that imports
   * it keeps its own `queue` options.
   */
  queue?: QueueTestMode;
  /** Nest's logger; default `false` (quiet). */
  logger?: false | LoggerService | LogLevel[];
  /**
   * Sets the app up as its main.ts does, before it starts, e.g.
   * `(app) => app.setGlobalPrefix('api')`; `call()` then uses the paths the router serves.
   */
  setup?: (app: INestApplication) => unknown;
}

/**
 * Builds `module` into a real Nest app listening on a loopback port, with `MindoffModule.forRoot()`
 * added unless the module imports it, and returns it ready to `call()`. Close it after the tests.
 *
 * @example
 * const app = await createTestApp(CreateOrderVersions);
 * expectEnvelope(await app.call('orders__create_order', { version: 1 }), { code: 'SUCCESS' });
 * await app.close();
 */
export async function createTestApp(
  module: ModuleEntry,
  options: TestAppOptions = {},
): Promise<MindoffTestApp> {
  const hasMindoff = await importsMindoff(module, new Set());
  if (hasMindoff && options.mindoff) {
    throw new MindoffTestingError(
      'createTestApp: the module imports MindoffModule already, so the mindoff option would be ignored; set the options in its MindoffModule.forRoot() instead.',
    );
  }
  const imports = hasMindoff ? [module] : [MindoffModule.forRoot(options.mindoff), module];
  const builder = Test.createTestingModule({ imports });
  if (!hasMindoff) {
    builder.overrideProvider(MINDOFF_RUN_INLINE).useValue((options.queue ?? 'direct') === 'direct');
  }
  const compiled = await (options.configure ? options.configure(builder) : builder).compile();
  const logger = options.logger ?? false;
  const app = options.httpAdapter
    ? compiled.createNestApplication(options.httpAdapter, { logger })
    : compiled.createNestApplication({ logger });
  try {
    await options.setup?.(app);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  const { port } = (app.getHttpServer() as { address(): AddressInfo }).address();
  const registry = app.get(MindoffRegistry, { strict: false });
  const routes = app.get(MindoffRoutes, { strict: false });
  const runsInline = app.get<symbol, boolean>(MINDOFF_RUN_INLINE, { strict: false });
  return new MindoffTestApp(
    app,
    `http://127.0.0.1:${port}`,
    registry,
    runsInline ? 'direct' : 'wait',
    routes,
  );
}

/** Whether `entry` or anything it imports is MindoffModule. */
async function importsMindoff(entry: unknown, seen: Set<unknown>): Promise<boolean> {
  const resolved = await resolveEntry(entry);
  if (!resolved || seen.has(resolved)) return false;
  seen.add(resolved);
  if (resolved === MindoffModule) return true;
  const dynamic = resolved as Partial<DynamicModule>;
  const children: unknown[] =
    typeof resolved === 'function'
      ? ((Reflect.getMetadata('imports', resolved) as unknown[] | undefined) ?? [])
      : [dynamic.module, ...(dynamic.imports ?? [])];
  for (const child of children) if (await importsMindoff(child, seen)) return true;
  return false;
}

async function resolveEntry(entry: unknown): Promise<unknown> {
  const value = await entry;
  if (value && typeof value === 'object' && 'forwardRef' in value) {
    return (value as ForwardReference).forwardRef();
  }
  return value;
}
