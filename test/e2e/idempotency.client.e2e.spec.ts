import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { MindoffOpenApi } from 'mindoff';
import { createMindoffClient, type FetchLike } from 'mindoff/client';
import { randomUUID } from 'node:crypto';
import { documentedApis } from '../../lib/cli/openapi-apis';
import { writeClientModule } from '../../lib/cli/client-module.writer';
import {
  IdempotencyLabModule,
  SLOW_AMOUNT,
  runs,
  slowCharges,
} from '../fixtures/idempotency.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';
import { waitUntil } from '../support/wait-until';

const runsOf = (api: string) => runs.filter((run) => run.api === api).length;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- document fragments

/** A fetch that records every request's key and answer status, and can lose answers. */
function recordingFetch() {
  const seen: { key: string | null; status: number | 'lost' }[] = [];
  let loseNext = 0;
  const fetcher: FetchLike = async (url, init) => {
    const key = new Headers(init.headers).get('idempotency-key');
    const response = await fetch(url, init);
    if (loseNext > 0) {
      loseNext--;
      await response.text();
      seen.push({ key, status: 'lost' });
      // The request reached the app and ran; only its answer never arrived.
      throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
    }
    seen.push({ key, status: response.status });
    return response;
  };
  return { fetcher, seen, loseAnswers: (n: number) => (loseNext = n) };
}

describe.each(ADAPTERS)(
  'idempotency in the route table, OpenAPI and mindoff/client on %s',
  (adapter) => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(
        IdempotencyLabModule.with({
          clientManifest: true,
          defaults: { limits: { request: null } },
        }),
        adapter,
        {
          setup: (nest) =>
            SwaggerModule.setup(
              'docs',
              nest,
              () =>
                MindoffOpenApi.createDocument(
                  nest,
                  new DocumentBuilder().setTitle('Idem').setOpenAPIVersion('3.1.0').build(),
                ),
              { ui: false },
            ),
        },
      );
    });
    afterAll(() => app.close());

    it('marks idempotent APIs in the route table, required or not', async () => {
      const { body } = await call(app.url, 'GET', '/mindoff/apis/');
      expect(body.data.apis.idem__charge['1'].idempotency).toEqual({ required: true });
      expect(body.data.apis.idem__note['1'].idempotency).toEqual({ required: false });
    });

    it('documents the Idempotency-Key header and the 409 and 422 answers in OpenAPI', async () => {
      const { body: document } = await call(app.url, 'GET', '/docs-json');
      const charge: Json = document.paths['/v1/idem/charge/'].post;
      expect(charge.parameters).toContainEqual(
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
      );
      expect(charge['x-mindoff-idempotency']).toEqual({ required: true });
      expect(Object.keys(charge.responses)).toEqual(expect.arrayContaining(['409', '422', '503']));
      const note: Json = document.paths['/v1/idem/note/'].post;
      expect(note.parameters).toContainEqual(
        expect.objectContaining({ name: 'Idempotency-Key', required: false }),
      );
    });

    it('carries the flag through `mindoff client` into the generated route table', async () => {
      const { body: document } = await call(app.url, 'GET', '/docs-json');
      const documented = documentedApis(document);
      expect(documented.apis.find((api) => api.urlName === 'idem__charge')?.idempotency).toEqual({
        required: true,
      });
      const source = writeClientModule(document, documented, {
        apisType: 'IdemApis',
        factory: 'createIdemClient',
        command: 'mindoff client docs.json',
      });
      expect(source).toMatch(/idempotency: \{\s*required: true,?\s*\}/);
    });

    it('sends a fresh key with each call of an idempotent API, and none to the others', async () => {
      const { fetcher, seen } = recordingFetch();
      const client = createMindoffClient({ baseUrl: app.url, token: 'asha', fetch: fetcher });
      await client.call('idem__charge', { version: 1, payload: { amount: 90, currency: 'EUR' } });
      await client.call('idem__charge', { version: 1, payload: { amount: 90, currency: 'EUR' } });
      const keys = seen.filter((s) => s.key !== null).map((s) => s.key);
      expect(keys).toHaveLength(2);
      expect(new Set(keys).size).toBe(2);
    });

    it('retries a call whose answer was lost with the same key: the app ran it once', async () => {
      const { fetcher, seen, loseAnswers } = recordingFetch();
      const client = createMindoffClient({
        baseUrl: app.url,
        token: 'asha',
        fetch: fetcher,
        retry: { attempts: 3, backoffMs: 10 },
      });
      await client.routes();
      const before = runsOf('charge');
      loseAnswers(1);
      const result = await client.call('idem__charge', {
        version: 1,
        payload: { amount: 91, currency: 'EUR' },
      });
      expect(result.ok).toBe(true);
      const calls = seen.filter((s) => s.key !== null);
      expect(calls.map((s) => s.status)).toEqual(['lost', 200]);
      expect(calls[0].key).toBe(calls[1].key);
      expect(runsOf('charge')).toBe(before + 1);
    });

    it('waits out a 409 in use and gets the first call’s answer with the caller’s own key', async () => {
      slowCharges.reset();
      const { fetcher, seen } = recordingFetch();
      const client = createMindoffClient({ baseUrl: app.url, token: 'asha', fetch: fetcher });
      const key = randomUUID();
      const before = runsOf('charge');
      const payload = { amount: SLOW_AMOUNT, currency: 'EUR' as const };
      const first = client.call('idem__charge', { version: 1, payload, idempotencyKey: key });
      await waitUntil(() => runsOf('charge') === before + 1);
      const second = client.call('idem__charge', {
        version: 1,
        payload,
        idempotencyKey: key,
        retry: { attempts: 10 },
      });
      await waitUntil(() => seen.some((s) => s.status === 409));
      slowCharges.open();
      const [a, b] = await Promise.all([first, second]);
      expect(a.ok && b.ok).toBe(true);
      expect(a.ok && b.ok && (b.data as Json).charge_id).toBe(a.ok && (a.data as Json).charge_id);
      expect(runsOf('charge')).toBe(before + 1);
    });
  },
);
