import { VersioningType } from '@nestjs/common';
import express from 'express';
import { DocumentBuilder } from '@nestjs/swagger';
import { MindoffOpenApi, MindoffRoutes } from 'mindoff';
import { createTestApp, expectEnvelope } from 'mindoff/testing';
import { RoutingModule } from '../fixtures/routing.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';
import { rawRequest } from '../support/raw-http';

const ORDER = {
  customer_id: 'c_42',
  items: [
    { sku: 'tea', qty: 2 },
    { sku: 'cup', qty: 1 },
  ],
};
const SERVED = { customer_id: 'c_42', total_qty: 3 };
const PREFIXES = [
  ['at the root', '', ''],
  ["under the global prefix 'api'", 'api', '/api'],
  ["under the global prefix '/internal/api/'", '/internal/api/', '/internal/api'],
] as const;

describe.each(ADAPTERS)('mindoff routes recognised by the router on %s', (adapter) => {
  describe.each(PREFIXES)('%s', (_where, prefix, base) => {
    let server: RunningApp;
    beforeAll(async () => {
      server = await startApp(RoutingModule.with(), adapter, {
        setup: (app) => {
          if (prefix) app.setGlobalPrefix(prefix);
        },
      });
    });
    afterAll(() => server.close());

    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      call(server.url, 'POST', base + path, {
        body,
        headers: { 'content-type': 'application/json', ...headers },
      });

    it('gives the API the whole body, with and without the trailing slash', async () => {
      for (const path of ['/v1/shop/create_order/', '/v1/shop/create_order']) {
        const res = await post(path, JSON.stringify(ORDER));
        expect({ path, status: res.status, data: res.body?.data }).toEqual({
          path,
          status: 200,
          data: SERVED,
        });
      }
    });

    it('reads a chunked body with no Content-Length itself', async () => {
      const { port } = new URL(server.url);
      const json = JSON.stringify(ORDER);
      const res = await rawRequest(
        server.url,
        `POST ${base}/v1/shop/create_order/ HTTP/1.1\nHost: 127.0.0.1:${port}\nContent-Type: application/json\nTransfer-Encoding: chunked\nConnection: close\n`,
        [`${json.length.toString(16)}\r\n${json}\r\n0\r\n\r\n`],
      );
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).data).toEqual(SERVED);
    });

    it('serves the absolute-form request line with the body intact', async () => {
      const { port } = new URL(server.url);
      const json = JSON.stringify(ORDER);
      const res = await rawRequest(
        server.url,
        `POST http://127.0.0.1:${port}${base}/v1/shop/create_order/ HTTP/1.1\nHost: 127.0.0.1:${port}\nContent-Type: application/json\nContent-Length: ${json.length}\nConnection: close\n`,
        [json],
      );
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).data).toEqual(SERVED);
    });

    it.each([
      ['a fragment', '/v1/shop/create_order/#frag'],
      ['a fragment after the query', '/v1/shop/create_order/?a=1#frag'],
      ['a fragment without the slash', '/v1/shop/create_order#frag'],
    ])('serves a request target with %s with the body intact', async (_what, target) => {
      const json = JSON.stringify(ORDER);
      const res = await rawRequest(
        server.url,
        `POST ${base}${target} HTTP/1.1\nHost: localhost\nContent-Type: application/json\nContent-Length: ${json.length}\nConnection: close\n`,
        [json],
      );
      expect([res.status, JSON.parse(res.body).data]).toEqual([200, SERVED]);
    });

    it('runs the whole pipeline for an encoded path the router serves, and envelopes it when the router does not', async () => {
      const res = await post('/v1/shop/create%5Forder/', JSON.stringify(ORDER));
      if (res.status === 200) expect(res.body.data).toEqual(SERVED);
      else expect([res.status, res.body?.message?.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    });

    it('answers an over-size body 413 PAYLOAD_TOO_LARGE, declared or chunked', async () => {
      const big = JSON.stringify({ ...ORDER, pad: 'x'.repeat(20_000) });
      const declared = await post('/v1/shop/create_order/', big);
      expect([declared.status, declared.body?.message?.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      const { port } = new URL(server.url);
      const chunked = await rawRequest(
        server.url,
        `POST ${base}/v1/shop/create_order/ HTTP/1.1\nHost: 127.0.0.1:${port}\nContent-Type: application/json\nTransfer-Encoding: chunked\nConnection: close\n`,
        [`${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`],
      );
      expect(chunked.status).toBe(413);
      expect(JSON.parse(chunked.body).message.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('answers malformed JSON, foreign and malformed content types with envelopes', async () => {
      const malformed = await post('/v1/shop/create_order/', '{"customer_id":');
      expect([malformed.status, malformed.body?.message?.code]).toEqual([400, 'MALFORMED_PAYLOAD']);
      for (const type of ['application/xml', 'application/octet-stream', ';;;', 'text']) {
        const res = await post('/v1/shop/create_order/', '<a/>', { 'content-type': type });
        expect({ type, status: res.status, code: res.body?.message?.code }).toEqual({
          type,
          status: 415,
          code: 'UNSUPPORTED_MEDIA_TYPE',
        });
      }
    });

    it.each([
      ['an unknown version', '/v9/shop/get_profile/'],
      ['a fractional version', '/v1.5/shop/get_profile/'],
      ['a negative version', '/v-1/shop/get_profile/'],
      ['a version without a number', '/v/shop/get_profile/'],
    ])(
      'answers %s of a known API 404 INVALID_API_VERSION with the versions it has',
      async (_, path) => {
        const res = await call(server.url, 'GET', base + path);
        expect(res.status).toBe(404);
        expect(res.body.message.code).toBe('INVALID_API_VERSION');
        expect(res.body.data).toEqual({ available_versions: [1, 2] });
      },
    );

    it.each([
      ['an unknown API of a known app', '/v1/shop/nope/'],
      ['a repeated slash after the version', '/v1//shop/get_profile/'],
      ['an encoded slash', '/v1/shop%2fget_profile/'],
      ['an extra segment', '/v1/shop/get_profile/more/'],
    ])('answers %s 404 ROUTE_NOT_FOUND in the envelope', async (_, path) => {
      const res = await call(server.url, 'GET', base + path);
      expect([res.status, res.body?.message?.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    });

    it('answers a miss whose body the framework refused as the miss it is', async () => {
      const res = await post('/v9/shop/create_order/', '{"customer_id":');
      expect([res.status, res.body?.message?.code]).toEqual([404, 'INVALID_API_VERSION']);
      const type = await post('/v9/shop/create_order/', '<a/>', { 'content-type': 'text/xml' });
      expect([type.status, type.body?.message?.code]).toEqual([404, 'INVALID_API_VERSION']);
    });

    it('leaves a path whose first segment only starts with v to the app', async () => {
      const res = await call(server.url, 'GET', `${base}/vendors/shop/get_profile/`);
      expect(res.status).toBe(404);
      expect([res.body?.message?.code, res.body?.statusCode]).toEqual([undefined, 404]);
    });

    it('serves an API mounted by RouterModule under its path, with its body', async () => {
      const res = await post('/backoffice/v1/stats/summary/', JSON.stringify({ a: 1 }));
      expect([res.status, res.body?.data]).toEqual([200, { received: { a: 1 } }]);
      const version = await call(server.url, 'GET', `${base}/backoffice/v3/stats/summary/`);
      expect([version.status, version.body?.data]).toEqual([404, { available_versions: [1] }]);
    });

    it('lists task URLs under the prefix in the acknowledgment, and they answer', async () => {
      const ack = await post('/v1/jobs/report/', JSON.stringify({ n: 1 }));
      expect(ack.body?.message?.code).toBe('QUEUED');
      const root = `${base}/mindoff/queue/${ack.body.data.queue_id}`;
      expect(ack.body.data.response_url).toBe(`${root}/`);
      expect(ack.body.data.cancel_url).toBe(`${root}/cancel/`);
      const detail = await call(server.url, 'GET', ack.body.data.response_url as string);
      expect(detail.body?.message?.code).toMatch(/^(SUCCESS|QUEUE_TASK_(PENDING|RUNNING))$/);
    });

    it('serves every task endpoint with and without the trailing slash', async () => {
      const ack = await post('/v1/jobs/report/', JSON.stringify({ n: 1 }));
      const root = `${base}/mindoff/queue/${ack.body.data.queue_id}`;
      for (const path of [
        root,
        `${root}/`,
        `${base}/mindoff/queue/list`,
        `${base}/mindoff/queue/list/`,
      ]) {
        const res = await call(server.url, 'GET', path);
        expect([path, res.body?.message?.code]).toEqual([
          path,
          expect.stringMatching(/^(SUCCESS|QUEUE_TASK_(PENDING|RUNNING))$/),
        ]);
      }
      for (const path of [`${root}/cancel`, `${root}/cancel/`]) {
        const res = await call(server.url, 'GET', path);
        expect([path, res.status, res.headers.get('allow')]).toEqual([path, 405, 'POST']);
      }
    });

    it('answers a wrong method on a task endpoint 405 INVALID_METHOD with Allow', async () => {
      const res = await call(server.url, 'DELETE', `${base}/mindoff/queue/some-id/`);
      expect([res.status, res.body?.message?.code]).toEqual([405, 'INVALID_METHOD']);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      const cancel = await call(server.url, 'GET', `${base}/mindoff/queue/some-id/cancel/`);
      expect([cancel.status, cancel.headers.get('allow')]).toEqual([405, 'POST']);
    });

    it('answers a 1,000-character task id 404 QUEUE_TASK_NOT_FOUND in the envelope', async () => {
      const res = await call(server.url, 'GET', `${base}/mindoff/queue/${'a'.repeat(1000)}/`);
      expect([res.status, res.body?.message?.code]).toEqual([404, 'QUEUE_TASK_NOT_FOUND']);
    });

    it("leaves the app's own routes and misses to the app", async () => {
      const echo = await post('/plain/echo', JSON.stringify({ a: [1] }));
      expect([echo.status, echo.body]).toEqual([201, { body: { a: [1] } }]);
      const miss = await call(server.url, 'GET', `${base}/nothing/here`);
      expect(miss.status).toBe(404);
      expect(miss.body?.message?.code).toBeUndefined();
      expect(miss.body?.statusCode).toBe(404);
      // The router's own trailing-slash rule stays the app's: express's non-strict routing
      // serves /plain/echo/, fastify's default router does not.
      const slashed = await post('/plain/echo/', JSON.stringify({ a: [1] }));
      expect(slashed.status).toBe(adapter === 'express' ? 201 : 404);
    });
  });

  describe('on an app whose router is strict about the trailing slash', () => {
    let server: RunningApp;
    beforeAll(async () => {
      server = await startApp(RoutingModule.with(), adapter, {
        setup: (app) => void app.setGlobalPrefix('api'),
        // express's 'strict routing' (read when its router is made); fastify's router is strict.
        expressApp: adapter === 'express' ? express().set('strict routing', true) : undefined,
      });
    });
    afterAll(() => server.close());

    it('serves mindoff URLs in both forms, body and query intact, task endpoints included', async () => {
      for (const path of ['/api/v1/shop/create_order/?a=1', '/api/v1/shop/create_order?a=1']) {
        const res = await call(server.url, 'POST', path, {
          body: JSON.stringify(ORDER),
          headers: { 'content-type': 'application/json' },
        });
        expect({ path, status: res.status, data: res.body?.data }).toEqual({
          path,
          status: 200,
          data: SERVED,
        });
      }
      for (const path of ['/api/mindoff/queue/none/', '/api/mindoff/queue/none']) {
        const res = await call(server.url, 'GET', path);
        expect({ path, code: res.body?.message?.code }).toEqual({
          path,
          code: 'QUEUE_TASK_NOT_FOUND',
        });
      }
    });

    it("keeps the app's routes strict: /plain/echo/ is not /plain/echo", async () => {
      const post = (path: string) =>
        call(server.url, 'POST', path, {
          body: JSON.stringify({ a: [1] }),
          headers: { 'content-type': 'application/json' },
        });
      expect((await post('/api/plain/echo')).status).toBe(201);
      expect((await post('/api/plain/echo/')).status).toBe(404);
    });
  });

  describe("with the app's own URI versioning and a default version", () => {
    let server: RunningApp;
    beforeAll(async () => {
      server = await startApp(RoutingModule.with({ queue: false }), adapter, {
        setup: (app) => {
          app.setGlobalPrefix('api');
          app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
        },
      });
    });
    afterAll(() => server.close());

    it('keeps mindoff at /api/v<n>/<app>/<api>/ (no second version segment)', async () => {
      const res = await call(server.url, 'GET', '/api/v2/shop/get_profile/');
      expect([res.status, res.body?.data]).toEqual([200, { version: 2 }]);
      const plain = await call(server.url, 'POST', '/api/v1/plain/echo', { json: { a: 1 } });
      expect([plain.status, plain.body]).toEqual([201, { body: { a: 1 } }]);
    });

    it('gives an app with no queue-mode API no task routes', async () => {
      const res = await call(server.url, 'GET', '/api/mindoff/queue/list/');
      expect(res.status).toBe(404);
      expect(res.body?.message?.code).toBeUndefined();
    });
  });
});

describe.each(ADAPTERS)('links to mindoff routes under a prefix on %s', (adapter) => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(RoutingModule.with(), adapter, {
      setup: (app) => app.setGlobalPrefix('api'),
    });
  });
  afterAll(() => server.close());

  it('puts every API and task endpoint of the OpenAPI document under the served paths', () => {
    const config = new DocumentBuilder().setTitle('Docs').setOpenAPIVersion('3.1.0').build();
    const paths = Object.keys(MindoffOpenApi.createDocument(server.app, config).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/shop/create_order/',
        '/api/v2/shop/get_profile/',
        '/api/backoffice/v1/stats/summary/',
        '/api/v1/jobs/report/',
        '/api/mindoff/queue/{queue_id}/',
        '/api/mindoff/queue/list/',
      ]),
    );
    expect(paths.filter((path) => !path.startsWith('/api/'))).toEqual([]);
  });

  it('leaves the prefix out, as swagger does, with ignoreGlobalPrefix', () => {
    const config = new DocumentBuilder().setTitle('Docs').setOpenAPIVersion('3.1.0').build();
    const document = MindoffOpenApi.createDocument(server.app, config, {
      ignoreGlobalPrefix: true,
    });
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/shop/create_order/', '/backoffice/v1/stats/summary/']),
    );
  });

  it('gives each API its served URL through MindoffRoutes', () => {
    const routes = server.app.get(MindoffRoutes);
    expect(routes.urlOf('shop__create_order', 1)).toBe('/api/v1/shop/create_order/');
    expect(routes.urlOf('stats__summary', 1)).toBe('/api/backoffice/v1/stats/summary/');
    expect(routes.urlOf('shop__get_profile', 3)).toBeUndefined();
  });
});

describe('the testing kit under a prefix', () => {
  it('calls APIs at the paths the router serves', async () => {
    const app = await createTestApp(RoutingModule.with({ queue: false }), {
      setup: (nest) => nest.setGlobalPrefix('api'),
    });
    try {
      const answer = await app.call('shop__create_order', { version: 1, payload: ORDER });
      expect(answer.request).toBe('POST /api/v1/shop/create_order/');
      expectEnvelope(answer, { code: 'SUCCESS', data: SERVED });
      expect(app.route('stats__summary', 1)?.path).toBe('/api/backoffice/v1/stats/summary/');
    } finally {
      await app.close();
    }
  });
});
