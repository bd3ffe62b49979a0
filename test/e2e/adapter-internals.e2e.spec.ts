import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { RoutingModule } from '../fixtures/routing.module';
import { fastifyRouteContext } from '../../lib/http/fastify-route-context';
import { fastifyIgnoresTrailingSlash } from '../../lib/http/fastify-url-forms';
import { call, startApp, type RunningApp } from '../support/http-app';

/**
 * One test per private internal of express, fastify or Nest that lib/http reads, on the installed
 * versions: an upgrade that changes one fails the test named after it.
 */
describe('the express internals mindoff reads', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(RoutingModule.with(), 'express', {
      setup: (app) => app.setGlobalPrefix('api'),
    });
  });
  afterAll(() => server.close());

  const stack = () =>
    (
      server.app.getHttpAdapter().getInstance() as {
        router?: { stack?: { route?: Record<string, unknown>; match?: unknown }[] };
      }
    ).router?.stack ?? [];

  it('app.router.stack holds route layers with route.path, route.stack and match()', () => {
    const routes = stack().filter((layer) => layer.route);
    expect(routes.length).toBeGreaterThan(0);
    for (const layer of routes) {
      expect(typeof layer.match).toBe('function');
      expect(Array.isArray(layer.route!.stack)).toBe(true);
      expect(layer.route!.path).toBeDefined();
    }
  });

  it('route._handlesMethod(method) tells the methods a route layer serves', () => {
    const route = stack().find((layer) => layer.route)!.route as {
      _handlesMethod?: (method: string) => boolean;
    };
    expect(typeof route._handlesMethod).toBe('function');
  });

  it("Nest's not-found handler under a prefix is a route mindoff tells from the app's", async () => {
    const miss = await call(server.url, 'GET', '/api/v1/shop/nope/');
    expect([miss.status, miss.body?.message?.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
  });
});

describe('the fastify internals mindoff reads', () => {
  let app: INestApplication;
  const contexts: unknown[] = [];
  const contentTypeKeys: (symbol | undefined)[] = [];
  beforeAll(async () => {
    const ref = await Test.createTestingModule({ imports: [RoutingModule.with()] }).compile();
    const adapter = new FastifyAdapter();
    adapter.getInstance().addHook('onRequest', (request, _reply, done) => {
      contexts.push(fastifyRouteContext(request));
      void request.mediaType;
      contentTypeKeys.push(
        Object.getOwnPropertySymbols(request).find(
          (symbol) => symbol.description === 'fastify.request.contentType',
        ),
      );
      done();
    });
    app = ref.createNestApplication(adapter, { logger: false });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  const url = () => `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;

  it("request[Symbol('fastify.context')] holds the route's config and content-type parser", async () => {
    await call(url(), 'POST', '/v1/shop/create_order/', { json: {} });
    const context = contexts.at(-1) as { config?: unknown; contentTypeParser?: unknown };
    expect(context).toBeDefined();
    expect(context.config).toBeDefined();
    expect(context.contentTypeParser).toBeDefined();
  });

  it("request[Symbol('fastify.request.contentType')] caches the parsed Content-Type", async () => {
    await call(url(), 'POST', '/v1/shop/create_order/', { json: {} });
    expect(contentTypeKeys.at(-1)).toBeDefined();
  });

  it("fastify[Symbol('fastify.errorHandler')] holds the instance's error handler", () => {
    const fastify = app.getHttpAdapter().getInstance() as object;
    const key = Object.getOwnPropertySymbols(fastify).find(
      (symbol) => symbol.description === 'fastify.errorHandler',
    );
    expect(key).toBeDefined();
  });

  it("Nest's FastifyAdapter keeps the app's security hook as securityHook", () => {
    expect('securityHook' in (app.getHttpAdapter() as object)).toBe(true);
  });

  it('initialConfig tells whether the router ignores trailing slashes', () => {
    const fastify = app.getHttpAdapter().getInstance() as never;
    expect(fastifyIgnoresTrailingSlash(fastify)).toBe(false);
  });

  it("route options changed by an onRoute hook: mindoff's onRequest hook is on its routes alone", async () => {
    const fastify = app.getHttpAdapter().getInstance() as {
      printRoutes(options: object): string;
    };
    // A tree: each route line (a path nested under its prefix) followed by its hooks' lines.
    const hooked = new Map<string, boolean>();
    const paths: string[] = [];
    let route = '';
    for (const line of fastify
      .printRoutes({ commonPrefix: false, includeHooks: true })
      .split('\n')) {
      const node = /^([\s│]*)[├└]── (\S+) \(/.exec(line);
      if (node) {
        const depth = node[1].length / 4;
        route = paths[depth] = (depth > 0 ? paths[depth - 1] : '') + node[2];
        paths.length = depth + 1;
        hooked.set(route, hooked.get(route) ?? false);
      } else if (line.includes('leaveBodyToPipeline')) hooked.set(route, true);
    }
    expect(hooked.get('/plain/echo')).toBe(false);
    for (const path of [
      '/v1/shop/create_order',
      '/v1/shop/create_order/',
      '/backoffice/v1/stats/summary',
      '/backoffice/v1/stats/summary/',
    ]) {
      expect([path, hooked.get(path)]).toEqual([path, true]);
    }
    // And the app's own route still gets its body from the framework's parser.
    const echo = await call(url(), 'POST', '/plain/echo', { json: { a: 1 } });
    expect(echo.body).toEqual({ body: { a: 1 } });
  });

  it('an onRoute hook may add a route: mindoff routes answer in both slash forms', async () => {
    for (const path of ['/v1/shop/create_order/', '/v1/shop/create_order']) {
      const res = await call(url(), 'POST', path, { json: {} });
      expect([path, res.body?.message?.code]).toEqual([path, 'INVALID_PAYLOAD']);
    }
  });
});
