import { MindoffQueue } from '../../lib/queue/mindoff-queue.service';
import { DeclarationsModule } from '../fixtures/declarations.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';
import { rateLimitOf } from 'mindoff/client';

describe.each(ADAPTERS)('URL patterns, params, query and deprecation on %s', (adapter) => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(DeclarationsModule.with(), adapter);
  });
  afterAll(() => server.close());

  const get = (path: string, headers?: Record<string, string>) =>
    call(server.url, 'GET', path, { headers });

  describe('several patterns and typed path parameters', () => {
    it.each([
      '/v1/orders/get_order/42/',
      '/v1/orders/42/',
      '/v1/orders/42',
      '/v1/orders/get_order/42',
    ])('serves %s with order_id coerced to a number', async (path) => {
      const res = await get(path);
      expect([res.status, res.body.data]).toEqual([200, { order_id: 42 }]);
    });

    it('counts both patterns against one rate limit', async () => {
      const a = await get('/v1/orders/get_order/7/');
      const b = await get('/v1/orders/7/');
      const remaining = (r: typeof a) => rateLimitOf(r.headers)!.remaining;
      expect(remaining(a) - remaining(b)).toBe(1);
    });

    it.each([
      ['abc', 'string'],
      ['1.5', 'string'],
      ['9007199254740993', 'string'],
      ['%20', 'string'],
    ])('refuses order_id=%s with INVALID_PAYLOAD at params.order_id', async (value, received) => {
      const res = await get(`/v1/orders/${value}/`);
      expect([res.status, res.body.message.code]).toEqual([400, 'INVALID_PAYLOAD']);
      expect(res.body.data).toEqual([
        expect.objectContaining({
          path: 'params.order_id',
          code: 'type',
          expected: 'integer',
          received,
        }),
      ]);
    });

    it('leaves a literal path beside a pattern to its own API (registered later)', async () => {
      const created = await call(server.url, 'POST', '/v1/orders/create_order/', { json: {} });
      expect([created.status, created.body.data]).toEqual([200, { created: true }]);
      const wrongMethod = await get('/v1/orders/create_order/');
      expect([wrongMethod.status, wrongMethod.body.message.code]).toEqual([405, 'INVALID_METHOD']);
    });

    it('answers INVALID_API_VERSION for another version of a pattern', async () => {
      const res = await get('/v9/orders/42/');
      expect([res.status, res.body.message.code, res.body.data]).toEqual([
        404,
        'INVALID_API_VERSION',
        { available_versions: [1] },
      ]);
    });

    it('gives a queued task the typed parameters and query', async () => {
      const res = await call(server.url, 'POST', '/v1/jobs/rerun/5/?dry=true', { json: {} });
      expect(res.body.message.code).toBe('QUEUED');
      const task = await server.app.get(MindoffQueue).waitForTask(res.body.data.queue_id);
      expect((task?.response?.body as { data: unknown }).data).toEqual({
        job_id: 5,
        kind: 'number',
        dry: true,
      });
      const bad = await call(server.url, 'POST', '/v1/jobs/rerun/five/', { json: {} });
      expect([bad.status, bad.body.data[0].path]).toEqual([400, 'params.job_id']);
    });

    it('refuses the URL before reading the body', async () => {
      const res = await call(server.url, 'POST', '/v1/catalog/rate/x/', {
        json: { stars: 'many' },
      });
      expect(res.body.data.map((i: { path: string }) => i.path)).toEqual(['params.item_id']);
      const ok = await call(server.url, 'POST', '/v1/catalog/rate/3/', { json: { stars: 5 } });
      expect(ok.body.data).toEqual({ item_id: 3, stars: 5 });
    });
  });

  describe('query schemas', () => {
    it('coerces each declared key and keeps absent Optional keys absent', async () => {
      const res = await get('/v1/catalog/search/?term=tea&page=2&price=-1.5e2&status=7&flag=false');
      expect([res.status, res.body.data.query]).toEqual([
        200,
        { term: 'tea', page: 2, price: -150, status: 7, flag: false },
      ]);
    });

    it('takes a literal as written', async () => {
      const res = await get('/v1/catalog/search/?term=a&status=open');
      expect(res.body.data.query).toEqual({ term: 'a', status: 'open' });
    });

    it('makes a repeated key a list only under ListOf', async () => {
      const lists = await get('/v1/catalog/search/?term=a&tag=x&tag=y&id=1&id=2');
      expect(lists.body.data.query).toEqual({ term: 'a', tag: ['x', 'y'], id: [1, 2] });
      const single = await get('/v1/catalog/search/?term=a&tag=x&id=3');
      expect(single.body.data.query).toEqual({ term: 'a', tag: ['x'], id: [3] });
      const repeated = await get('/v1/catalog/search/?term=a&page=1&page=2');
      expect([repeated.status, repeated.body.data]).toEqual([
        400,
        [expect.objectContaining({ path: 'query.page', code: 'type', received: 'array' })],
      ]);
    });

    it('lists every bad key with its path, in declaration order', async () => {
      const res = await get('/v1/catalog/search/?page=abc&status=pending&flag=yes&id=1&id=x');
      expect(res.status).toBe(400);
      expect(res.body.message.code).toBe('INVALID_PAYLOAD');
      expect(res.body.data.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual([
        ['query.page', 'type'],
        ['query.status', 'literal'],
        ['query.id[1]', 'type'],
        ['query.flag', 'type'],
        ['query.term', 'required'],
      ]);
    });

    it('refuses undeclared keys under strict validation, naming each', async () => {
      const res = await get('/v1/catalog/search/?term=a&sort=asc');
      expect([res.status, res.body.data]).toEqual([
        400,
        [expect.objectContaining({ path: 'query.sort', code: 'unknown' })],
      ]);
    });

    it('keeps undeclared keys as they came under basic validation', async () => {
      const res = await get('/v1/catalog/browse/?page=3&sort=asc');
      expect(res.body.data.query).toEqual({ page: 3, sort: 'asc' });
    });

    it('never lets a __proto__ key through', async () => {
      const res = await get('/v1/catalog/browse/?__proto__=x&page=1');
      expect([res.status, res.body.data.query]).toEqual([200, { page: 1 }]);
    });

    it('takes a Standard Schema, which coerces by itself, issues under query', async () => {
      expect((await get('/v1/catalog/pages/?page=4')).body.data).toEqual({ page: 4 });
      const bad = await get('/v1/catalog/pages/?page=0');
      expect([bad.status, bad.body.data[0].path]).toEqual([400, 'query.page']);
    });
  });

  describe('deprecated versions', () => {
    it('sends Deprecation, Sunset and both links on every answer of the version', async () => {
      const res = await get('/v1/legacy/items/a%20b/');
      expect(res.status).toBe(200);
      expect(res.headers.get('deprecation')).toBe(`@${Date.UTC(2026, 0, 1) / 1000}`);
      expect(res.headers.get('sunset')).toBe('Wed, 30 Jun 2027 00:00:00 GMT');
      expect(res.headers.get('link')).toBe(
        '<https://example.com/items-v2>; rel="deprecation", </v2/legacy/items/a%20b/>; rel="successor-version"',
      );
      const refused = await call(server.url, 'POST', '/v1/legacy/items/x/', { json: {} });
      expect([refused.status, refused.headers.get('deprecation')]).toEqual([
        405,
        expect.any(String),
      ]);
    });

    it('sends nothing on a version that is not deprecated', async () => {
      const res = await get('/v2/legacy/items/x/');
      expect([
        res.headers.get('deprecation'),
        res.headers.get('sunset'),
        res.headers.get('link'),
      ]).toEqual([null, null, null]);
    });

    it('sends Deprecation alone for deprecated: true without a successor', async () => {
      const res = await get('/v1/legacy/ping/');
      expect([
        res.headers.get('deprecation'),
        res.headers.get('sunset'),
        res.headers.get('link'),
      ]).toEqual(['@0', null, null]);
    });
  });
});

describe('successor links under a global prefix', () => {
  it.each(ADAPTERS)('point at the prefixed path on %s', async (adapter) => {
    const server = await startApp(DeclarationsModule.with(), adapter, {
      setup: (app) => app.setGlobalPrefix('api'),
    });
    try {
      const res = await call(server.url, 'GET', '/api/v1/legacy/items/9/');
      expect(res.headers.get('link')).toContain(
        '</api/v2/legacy/items/9/>; rel="successor-version"',
      );
    } finally {
      await server.close();
    }
  });
});
