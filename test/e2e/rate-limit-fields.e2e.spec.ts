import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder } from '@nestjs/swagger';
import { MindoffOpenApi, type RateLimitHeaders } from 'mindoff';
import { rateLimitOf } from 'mindoff/client';
import { rateLimitFieldsApp } from '../fixtures/rate-limit-fields.module';
import {
  ADAPTERS,
  call,
  startApp,
  type AdapterName,
  type Answer,
  type RunningApp,
} from '../support/http-app';

const FIELDS = [
  'ratelimit-policy',
  'ratelimit',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
];
const fieldsOf = (answer: Answer) =>
  FIELDS.filter((name) => answer.headers.get(name) !== null).sort();

/** The headers the OpenAPI document lists on the API's 200 and 429. */
function documented(app: INestApplication) {
  const doc = MindoffOpenApi.createDocument(app, new DocumentBuilder().build()) as unknown as {
    paths: Record<string, Record<string, { responses: Record<string, { headers?: object }> }>>;
  };
  const { responses } = doc.paths['/v1/fields/ping/']!.get!;
  return {
    ok: Object.keys(responses['200']!.headers ?? {}),
    refused: Object.keys(responses['429']!.headers ?? {}),
  };
}

/** The fixture app under `headers`, started before the block's tests and closed after them. */
function served(headers: RateLimitHeaders | undefined, adapter: AdapterName) {
  const server = {} as RunningApp;
  beforeAll(async () =>
    Object.assign(server, await startApp(rateLimitFieldsApp(headers), adapter)),
  );
  afterAll(() => server.close());
  return server;
}

/** Three calls of the API limited to two a minute: two allowed, one refused. */
async function threePings(url: string): Promise<Answer[]> {
  const answers = [];
  for (let i = 0; i < 3; i++) answers.push(await call(url, 'GET', '/v1/fields/ping/'));
  return answers;
}

describe.each(ADAPTERS)('rateLimit.headers on %s', (adapter) => {
  describe("'draft-8' (the default)", () => {
    const server = served(undefined, adapter);

    it('sends RateLimit-Policy, constant per API, and RateLimit with what is left, then the 429 with both and Retry-After', async () => {
      const answers = await threePings(server.url);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
      for (const answer of answers) {
        expect(fieldsOf(answer)).toEqual(['ratelimit', 'ratelimit-policy']);
        expect(answer.headers.get('ratelimit-policy')).toBe('"fields__ping:request";q=2;w=60');
      }
      expect(answers.map((a) => rateLimitOf(a.headers)?.remaining)).toEqual([1, 0, 0]);
      const reset = Number(/;t=(\d+)$/.exec(answers[0]!.headers.get('ratelimit')!)![1]);
      expect(reset).toBeGreaterThan(0);
      expect(reset).toBeLessThanOrEqual(60);
      expect(Number(answers[2]!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(answers[2]!.body.message.code).toBe('API_RATE_LIMITED');
    });

    it("names the task's own policy on a task endpoint (the API's queueDetail, checked after the endpoint's)", async () => {
      const ack = await call(server.url, 'POST', '/v1/fields/job/', { json: {} });
      expect(ack.status).toBe(200);
      const list = await call(server.url, 'GET', '/mindoff/queue/list/');
      expect(list.headers.get('ratelimit-policy')).toBe('"mindoff_queue:list";q=120;w=60');
      const detail = await call(server.url, 'GET', `/mindoff/queue/${ack.body.data.queue_id}/`);
      expect(detail.headers.get('ratelimit-policy')).toBe('"fields__job:queueDetail";q=30;w=60');
      expect(rateLimitOf(detail.headers)).toMatchObject({
        policy: 'fields__job:queueDetail',
        remaining: 29,
      });
    });

    it('documents the two fields in OpenAPI', () => {
      expect(documented(server.app)).toEqual({
        ok: ['X-Request-Id', 'RateLimit-Policy', 'RateLimit'],
        refused: ['X-Request-Id', 'RateLimit-Policy', 'RateLimit', 'Retry-After'],
      });
    });
  });

  describe("'draft-6'", () => {
    const server = served('draft-6', adapter);

    it('sends RateLimit-Limit, -Remaining and -Reset, on the 429 too', async () => {
      const answers = await threePings(server.url);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
      for (const answer of answers) {
        expect(fieldsOf(answer)).toEqual([
          'ratelimit-limit',
          'ratelimit-remaining',
          'ratelimit-reset',
        ]);
        expect(answer.headers.get('ratelimit-limit')).toBe('2');
      }
      expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['1', '0', '0']);
      expect(documented(server.app).ok).toEqual([
        'X-Request-Id',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
      ]);
    });
  });

  describe('false', () => {
    const server = served(false, adapter);

    it('sends no rate-limit field, still limits, and keeps Retry-After on the 429', async () => {
      const answers = await threePings(server.url);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
      expect(answers.map(fieldsOf)).toEqual([[], [], []]);
      expect(Number(answers[2]!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(documented(server.app)).toEqual({
        ok: ['X-Request-Id'],
        refused: ['X-Request-Id', 'Retry-After'],
      });
    });
  });
});
