import { LabModule } from '../fixtures/lab.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';
import { rateLimitOf } from 'mindoff/client';

describe.each(ADAPTERS)('pipeline outcomes on %s', (adapter) => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp(LabModule, adapter);
  });
  afterAll(() => server.close());

  describe('rate limit', () => {
    it('lets 3 requests through per minute across all versions, then answers 429 API_RATE_LIMITED with Retry-After', async () => {
      const codes: number[] = [];
      const remaining: (number | undefined)[] = [];
      for (const version of [1, 2, 1]) {
        const res = await call(server.url, 'GET', `/v${version}/lab/limited/`);
        codes.push(res.status);
        remaining.push(rateLimitOf(res.headers)?.remaining);
      }
      expect(codes).toEqual([200, 200, 200]);
      expect(remaining).toEqual([2, 1, 0]);
      const limited = await call(server.url, 'GET', '/v2/lab/limited/');
      expect(limited.status).toBe(429);
      expect(limited.body.message.code).toBe('API_RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    });

    it('counts each authenticated user separately', async () => {
      const asUser = (id: string) =>
        call(server.url, 'GET', '/v1/lab/per_user/', {
          headers: { authorization: `Bearer user-${id}` },
        });
      expect((await asUser('a')).status).toBe(200);
      expect((await asUser('a')).status).toBe(200);
      expect((await asUser('a')).status).toBe(429);
      const other = await asUser('b');
      expect(other.status).toBe(200);
      expect(other.body.data.user).toEqual({ id: 'b' });
    });
  });

  describe('payload rules', () => {
    it('answers a body sent to a schema-less validated API with PAYLOAD_NOT_ALLOWED', async () => {
      const res = await call(server.url, 'POST', '/v1/lab/no_payload/', { json: { a: 1 } });
      expect(res.status).toBe(400);
      expect(res.body.message.code).toBe('PAYLOAD_NOT_ALLOWED');
    });

    it('accepts an empty object or no body on a schema-less validated API', async () => {
      expect((await call(server.url, 'POST', '/v1/lab/no_payload/', { json: {} })).status).toBe(
        200,
      );
      expect((await call(server.url, 'POST', '/v1/lab/no_payload/')).status).toBe(200);
    });

    it('does not validate when payloadValidation is null, even with a schema', async () => {
      const res = await call(server.url, 'POST', '/v1/lab/unvalidated/', {
        json: { age: 'not an int' },
      });
      expect(res.status).toBe(200);
      expect(res.body.data.payload).toEqual({ age: 'not an int' });
    });

    it('checks only present keys in basic mode', async () => {
      const partial = await call(server.url, 'PUT', '/v1/lab/basic/', {
        json: { items: [{ qty: 2 }] },
      });
      expect(partial.status).toBe(200);
      const wrong = await call(server.url, 'PUT', '/v1/lab/basic/', {
        json: { items: [{ qty: 'two' }] },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.data[0].path).toBe('items[0].qty');
    });
  });

  describe('auth errors', () => {
    it('answers a strategy that refuses with a 401 exception with AUTHENTICATION_FAILED', async () => {
      const res = await call(server.url, 'GET', '/v1/lab/broken_auth/', {
        headers: { authorization: 'Bearer refused' },
      });
      expect(res.status).toBe(401);
      expect(res.body.message.code).toBe('AUTHENTICATION_FAILED');
    });

    it('answers a strategy that crashes with 500 UNEXPECTED_ERR, not as bad credentials', async () => {
      const res = await call(server.url, 'GET', '/v1/lab/broken_auth/', {
        headers: { authorization: 'Bearer x' },
      });
      expect(res.status).toBe(500);
      expect(res.body.message.code).toBe('UNEXPECTED_ERR');
      expect(res.text).not.toContain('token store');
    });
  });

  describe('DELETE', () => {
    it('never validates a DELETE body: run() gets {} even with a strict schema', async () => {
      const res = await call(server.url, 'DELETE', '/v1/lab/remove/', { json: { customer_id: 5 } });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ payload: {} });
    });
  });

  describe('responses', () => {
    it('renders a MindoffValidationError thrown from run() with its code, category and data', async () => {
      const res = await call(server.url, 'POST', '/v1/lab/throws/');
      expect(res.status).toBe(400);
      expect(res.body.message).toMatchObject({ code: 'VALIDATION_ERR', category: 'warning' });
      expect(res.body.data).toEqual({ field: 'is wrong' });
    });

    it('answers an unknown response code with 500 UNEXPECTED_ERR', async () => {
      const res = await call(server.url, 'GET', '/v1/lab/unknown_code/');
      expect(res.status).toBe(500);
      expect(res.body.status).toBe('exception');
      expect(res.body.message.code).toBe('UNEXPECTED_ERR');
    });

    it('answers an unexpected error with 500 UNEXPECTED_ERR and no stack or message in the body', async () => {
      const res = await call(server.url, 'GET', '/v1/lab/crash/');
      expect(res.status).toBe(500);
      expect(res.body.message.code).toBe('UNEXPECTED_ERR');
      expect(res.text).not.toContain('hunter2');
      expect(res.text).not.toContain('at ');
    });

    it('maps a Nest ForbiddenException to 403 PERMISSION_DENIED', async () => {
      const res = await call(server.url, 'GET', '/v1/lab/forbidden/');
      expect(res.status).toBe(403);
      expect(res.body.message.code).toBe('PERMISSION_DENIED');
    });

    it('answers a permission that says no with 403 PERMISSION_DENIED', async () => {
      const res = await call(server.url, 'GET', '/v1/lab/denied/');
      expect(res.status).toBe(403);
      expect(res.body.message.code).toBe('PERMISSION_DENIED');
    });

    it('sends text with text/plain and the chosen status', async () => {
      const res = await call(server.url, 'GET', '/v1/lab/text/');
      expect(res.status).toBe(202);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(res.text).toBe('plain words');
    });

    it('sends html with text/html', async () => {
      const res = await call(server.url, 'GET', '/v1/lab/html/');
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.text).toBe('<h1>hi</h1>');
    });

    it('sends a file as an attachment with its name and type', async () => {
      const res = await call(server.url, 'GET', '/v1/lab/file/');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toContain('attachment; filename="report.csv"');
      expect(res.text).toBe('a,b\n1,2\n');
    });
  });

  describe('context', () => {
    it('hands run() the route params, query, version, urlName and user', async () => {
      const res = await call(server.url, 'GET', '/v3/lab/items/42/?color=red');
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        params: { item_id: '42' },
        query: { color: 'red' },
        version: 3,
        urlName: 'lab__item',
        user: null,
      });
    });

    it('answers an unknown version of a route with params with INVALID_API_VERSION', async () => {
      const res = await call(server.url, 'GET', '/v1/lab/items/42/');
      expect(res.status).toBe(404);
      expect(res.body.data).toEqual({ available_versions: [3] });
    });
  });
});
