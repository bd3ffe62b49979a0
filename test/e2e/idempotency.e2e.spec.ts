import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IdempotencyStore } from '../../lib/interfaces/idempotency-store.interface';
import type { MindoffModuleOptions } from 'mindoff';
import { MINDOFF_IDEMPOTENCY_STORE } from '../../lib/idempotency/idempotency-store.provider';
import { MemoryIdempotencyStore } from '../../lib/idempotency/memory-idempotency.store';
import { requestFingerprint } from '../../lib/idempotency/request-fingerprint';
import {
  APP_REFUSES_HEADER,
  DECLINED_AMOUNT,
  IdempotencyLabModule,
  SLOW_AMOUNT,
  THROWING_AMOUNT,
  UNAVAILABLE_AMOUNT,
  runs,
  slowCharges,
} from '../fixtures/idempotency.module';
import { ADAPTERS, call, startApp, type Answer, type RunningApp } from '../support/http-app';
import { sparePort } from '../support/redis-server';
import { waitUntil } from '../support/wait-until';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
type StoreName = 'memory' | 'redis';
const STORES: StoreName[] = ['memory', 'redis'];

/** Module options for one store, each Redis app under a key prefix of its own. */
function storeOptions(store: StoreName, extra: MindoffModuleOptions['idempotency'] = {}) {
  return {
    idempotency: {
      ...extra,
      ...(store === 'redis'
        ? { store: { redis: REDIS_URL, prefix: `mindoff-test:idem:${randomUUID()}` } }
        : {}),
    },
  } satisfies MindoffModuleOptions;
}

const codeOf = (answer: Answer): string => answer.body?.message?.code;
const runsOf = (api: string) => runs.filter((run) => run.api === api).length;
const newKey = () => randomUUID();

function charge(
  app: RunningApp,
  key: string | undefined,
  payload: unknown,
  token = 'asha',
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (key !== undefined) headers['idempotency-key'] = key;
  if (token) headers.authorization = `Bearer ${token}`;
  return call(app.url, 'POST', '/v1/idem/charge/', { json: payload, headers });
}

describe.each(ADAPTERS.flatMap((adapter) => STORES.map((store) => ({ adapter, store }))))(
  'idempotency keys on $adapter with the $store store',
  ({ adapter, store }) => {
    let app: RunningApp;
    const options = storeOptions(store);
    beforeAll(async () => {
      app = await startApp(
        IdempotencyLabModule.with({ ...options, defaults: { limits: { request: '1000/m' } } }),
        adapter,
      );
    });
    afterAll(() => app.close());

    it('refuses a request without a key where one is required with 400 IDEMPOTENCY_KEY_REQUIRED, before run()', async () => {
      const before = runsOf('charge');
      const answer = await charge(app, undefined, { amount: 10, currency: 'EUR' });
      expect(answer.status).toBe(400);
      expect(codeOf(answer)).toBe('IDEMPOTENCY_KEY_REQUIRED');
      expect(runsOf('charge')).toBe(before);
    });

    it.each([
      ['empty', ''],
      ['longer than 255 characters', 'k'.repeat(256)],
      ['not printable ASCII', 'cl\u00e9'],
      ['an unterminated structured-field string', '"open'],
    ])('refuses a key that is %s with 400 IDEMPOTENCY_KEY_INVALID', async (_case, key) => {
      const before = runsOf('charge');
      const answer = await charge(app, key, { amount: 10, currency: 'EUR' });
      expect(answer.status).toBe(400);
      expect(codeOf(answer)).toBe('IDEMPOTENCY_KEY_INVALID');
      expect(runsOf('charge')).toBe(before);
    });

    it('accepts a structured-field string and the same key bare as one key', async () => {
      const key = newKey();
      const first = await charge(app, `"${key}"`, { amount: 11, currency: 'EUR' });
      const again = await charge(app, key, { amount: 11, currency: 'EUR' });
      expect(first.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
    });

    it('runs the first request and replays its status and envelope exactly, with fresh request id and rate-limit headers', async () => {
      const key = newKey();
      const before = runsOf('charge');
      const first = await charge(app, key, { amount: 25, currency: 'EUR' });
      const again = await charge(app, key, { currency: 'EUR', amount: 25 });
      expect(first.status).toBe(200);
      expect(first.body.data).toEqual({
        charge_id: expect.any(String),
        amount: 25,
        currency: 'EUR',
      });
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(again.status).toBe(first.status);
      expect(again.text).toBe(first.text);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
      expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
      const remaining = (answer: Answer) =>
        answer.headers.get('ratelimit') ?? answer.headers.get('ratelimit-remaining');
      expect(remaining(first)).not.toBeNull();
      expect(remaining(again)).not.toBe(remaining(first));
      expect(runsOf('charge')).toBe(before + 1);
    });

    it('answers 422 IDEMPOTENCY_KEY_REUSED when the same key comes with a different request', async () => {
      const key = newKey();
      await charge(app, key, { amount: 30, currency: 'EUR' });
      const before = runsOf('charge');
      const changed = await charge(app, key, { amount: 31, currency: 'EUR' });
      expect(changed.status).toBe(422);
      expect(codeOf(changed)).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(runsOf('charge')).toBe(before);
    });

    it('answers 409 IDEMPOTENCY_KEY_IN_USE with Retry-After while the first request still runs, then replays it', async () => {
      slowCharges.reset();
      const key = newKey();
      const before = runsOf('charge');
      const first = charge(app, key, { amount: SLOW_AMOUNT, currency: 'USD' });
      await waitUntil(() => runsOf('charge') === before + 1);
      const during = await charge(app, key, { amount: SLOW_AMOUNT, currency: 'USD' });
      expect(during.status).toBe(409);
      expect(codeOf(during)).toBe('IDEMPOTENCY_KEY_IN_USE');
      expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0);
      slowCharges.open();
      const done = await first;
      const after = await charge(app, key, { amount: SLOW_AMOUNT, currency: 'USD' });
      expect(done.status).toBe(200);
      expect(after.text).toBe(done.text);
      expect(runsOf('charge')).toBe(before + 1);
    });

    it('stores nothing for a request refused before run(): the fixed request with the same key runs', async () => {
      const key = newKey();
      const before = runsOf('charge');
      const invalid = await charge(app, key, { amount: 40, currency: 'GBP' });
      const anonymous = await charge(app, key, { amount: 40, currency: 'EUR' }, '');
      const wrongToken = await charge(app, key, { amount: 40, currency: 'EUR' }, 'nobody');
      expect([invalid.status, anonymous.status, wrongToken.status]).toEqual([400, 401, 401]);
      const fixed = await charge(app, key, { amount: 40, currency: 'EUR' });
      expect(fixed.status).toBe(200);
      expect(fixed.headers.get('idempotent-replayed')).toBeNull();
      expect(runsOf('charge')).toBe(before + 1);
    });

    it("holds nothing for a request the app's own interceptor stops after the pipeline: the same key then runs", async () => {
      const key = newKey();
      const payload = { amount: 45, currency: 'EUR' };
      const before = runsOf('charge');
      const refused = await call(app.url, 'POST', '/v1/idem/charge/', {
        json: payload,
        headers: {
          'idempotency-key': key,
          authorization: 'Bearer asha',
          [APP_REFUSES_HEADER]: '1',
        },
      });
      expect(refused.status).toBe(403);
      expect(runsOf('charge')).toBe(before);
      const retried = await charge(app, key, payload);
      expect(retried.status).toBe(200);
      expect(retried.headers.get('idempotent-replayed')).toBeNull();
      expect(runsOf('charge')).toBe(before + 1);
    });

    it('keeps and replays an app code answered by run() (4xx)', async () => {
      const key = newKey();
      const before = runsOf('charge');
      const declined = await charge(app, key, { amount: DECLINED_AMOUNT, currency: 'EUR' });
      const again = await charge(app, key, { amount: DECLINED_AMOUNT, currency: 'EUR' });
      expect(declined.status).toBe(422);
      expect(codeOf(declined)).toBe('UNPROCESSABLE_ENTITY');
      expect(again.text).toBe(declined.text);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(runsOf('charge')).toBe(before + 1);
    });

    it.each([
      ['threw', THROWING_AMOUNT, 500],
      ['answered a 5xx code', UNAVAILABLE_AMOUNT, 503],
    ])('frees the key when run() %s: a retry runs again', async (_case, amount, status) => {
      const key = newKey();
      const before = runsOf('charge');
      const first = await charge(app, key, { amount, currency: 'EUR' });
      const retry = await charge(app, key, { amount, currency: 'EUR' });
      expect([first.status, retry.status]).toEqual([status, status]);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      expect(runsOf('charge')).toBe(before + 2);
    });

    it("keeps each caller's keys apart: the same key from another user runs on its own", async () => {
      const key = newKey();
      const asha = await charge(app, key, { amount: 50, currency: 'EUR' }, 'asha');
      const ravi = await charge(app, key, { amount: 50, currency: 'EUR' }, 'ravi');
      expect(ravi.status).toBe(200);
      expect(ravi.headers.get('idempotent-replayed')).toBeNull();
      expect(ravi.body.data.charge_id).not.toBe(asha.body.data.charge_id);
    });

    it('scopes anonymous callers by client address: the same client gets its replay', async () => {
      const key = newKey();
      const note = () =>
        call(app.url, 'POST', '/v1/idem/note/?page=2', {
          json: { text: 'hello' },
          headers: { 'idempotency-key': key },
        });
      const first = await note();
      const again = await note();
      expect(first.status).toBe(200);
      expect(again.text).toBe(first.text);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    });

    it('runs an optional-key API without a key as usual, every time', async () => {
      const before = runsOf('note');
      const send = () => call(app.url, 'POST', '/v1/idem/note/', { json: { text: 'no key' } });
      const [a, b] = [await send(), await send()];
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.data.note_id).not.toBe(b.body.data.note_id);
      expect(runsOf('note')).toBe(before + 2);
    });

    it('treats a different query as a different request', async () => {
      const key = newKey();
      const note = (page: number) =>
        call(app.url, 'POST', `/v1/idem/note/?page=${page}`, {
          json: { text: 'paged' },
          headers: { 'idempotency-key': key },
        });
      expect((await note(1)).status).toBe(200);
      const other = await note(2);
      expect(other.status).toBe(422);
      expect(codeOf(other)).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('keeps the acknowledgment of a queue-mode API: a replay returns the same queue_id', async () => {
      const key = newKey();
      const enqueue = () =>
        call(app.url, 'POST', '/v1/idem/job/', { json: {}, headers: { 'idempotency-key': key } });
      const first = await enqueue();
      const again = await enqueue();
      expect(codeOf(first)).toBe('QUEUED');
      expect(again.status).toBe(first.status);
      expect(again.body.data.queue_id).toBe(first.body.data.queue_id);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    });
  },
);

describe.each(ADAPTERS.flatMap((adapter) => STORES.map((store) => ({ adapter, store }))))(
  'idempotency key lifetimes on $adapter with the $store store',
  ({ adapter, store }) => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(
        IdempotencyLabModule.with({
          ...storeOptions(store, { ttl: '400ms', lockTtl: '400ms' }),
          defaults: { limits: { request: null } },
        }),
        adapter,
      );
    });
    afterAll(() => app.close());

    it('frees a key whose request died after lockTtl, and a retry then runs', async () => {
      const key = newKey();
      const payload = { amount: 60, currency: 'EUR' };
      // What a process that claimed the key and then died leaves behind: a claim nobody renews.
      const idempotency = app.app.get<IdempotencyStore>(MINDOFF_IDEMPOTENCY_STORE);
      const fingerprint = requestFingerprint({
        urlName: 'idem__charge',
        version: 1,
        params: {},
        query: {},
        payload,
      });
      await idempotency.claim(`user:asha\nidem__charge\n${key}`, fingerprint, 'dead', 400);
      const before = runsOf('charge');
      const whileHeld = await charge(app, key, payload);
      expect(codeOf(whileHeld)).toBe('IDEMPOTENCY_KEY_IN_USE');
      let retry: Answer | undefined;
      await waitUntil(async () => {
        retry = await charge(app, key, payload);
        return retry.status !== 409;
      });
      expect(retry?.status).toBe(200);
      expect(runsOf('charge')).toBe(before + 1);
    });

    it('keeps the lock of a run() that outlasts lockTtl (renewed while it runs)', async () => {
      slowCharges.reset();
      const key = newKey();
      const payload = { amount: SLOW_AMOUNT, currency: 'EUR' };
      const before = runsOf('charge');
      const first = charge(app, key, payload);
      await waitUntil(() => runsOf('charge') === before + 1);
      // An explicit window: over twice lockTtl (400 ms), so an unrenewed lock would have freed.
      await new Promise((resolve) => setTimeout(resolve, 2.5 * 400));
      const during = await charge(app, key, payload);
      slowCharges.open();
      expect(codeOf(during)).toBe('IDEMPOTENCY_KEY_IN_USE');
      expect((await first).status).toBe(200);
      expect(runsOf('charge')).toBe(before + 1);
    });

    it('treats a key reused after its ttl as a new request', async () => {
      const key = newKey();
      const payload = { amount: 70, currency: 'EUR' };
      const first = await charge(app, key, payload);
      let later: Answer | undefined;
      await waitUntil(async () => {
        later = await charge(app, key, payload);
        return later.headers.get('idempotent-replayed') === null;
      });
      expect(later?.status).toBe(200);
      expect(later?.body.data.charge_id).not.toBe(first.body.data.charge_id);
    });
  },
);

/**
 * Starts the lab app with `idempotency` and no rate limit for the describe block, collecting what
 * mindoff logs at `level`; `app()` is the running app.
 */
function loggedLab(
  adapter: (typeof ADAPTERS)[number],
  idempotency: MindoffModuleOptions['idempotency'],
  level: 'warn' | 'error',
): { app: () => RunningApp; logged: string[] } {
  let app: RunningApp | undefined;
  const logged: string[] = [];
  beforeAll(async () => {
    jest
      .spyOn(Logger.prototype, level)
      .mockImplementation((...args: unknown[]) => void logged.push(String(args[0])));
    app = await startApp(
      IdempotencyLabModule.with({ idempotency, defaults: { limits: { request: null } } }),
      adapter,
    );
  });
  afterAll(async () => {
    await app?.close();
    jest.restoreAllMocks();
  });
  return { app: () => app as RunningApp, logged };
}

describe.each(ADAPTERS)('keys in memory past idempotency.memoryMaxMegabytes, on %s', (adapter) => {
  // About 4 KB: a handful of kept answers.
  const lab = loggedLab(adapter, { memoryMaxMegabytes: 0.004 }, 'warn');
  const warnings = lab.logged;

  it('forgets the oldest answers first, so their retry runs again, keeps the newest, and warns naming the option', async () => {
    const app = lab.app();
    const payload = { amount: 70, currency: 'EUR' };
    const keys = Array.from({ length: 30 }, () => newKey());
    for (const key of keys) expect((await charge(app, key, payload)).status).toBe(200);
    const before = runsOf('charge');
    const newest = await charge(app, keys[29], payload);
    expect(newest.headers.get('idempotent-replayed')).toBe('true');
    const oldest = await charge(app, keys[0], payload);
    expect([oldest.status, oldest.headers.get('idempotent-replayed')]).toEqual([200, null]);
    expect(runsOf('charge') - before).toBe(1);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^1 kept idempotency answer was forgotten before their ttl .* idempotency\.memoryMaxMegabytes \(0\.004\): a retry of one of them runs again\. Raise idempotency\.memoryMaxMegabytes/,
      ),
    ]);
  });
});

describe.each(ADAPTERS)('a store that refuses to keep an answer once, on %s', (adapter) => {
  const memory = new MemoryIdempotencyStore();
  let completes = 0;
  // A broker blip: the first write of a kept answer fails, the next ones go through.
  const flaky: IdempotencyStore = {
    claim: (...args) => memory.claim(...args),
    renew: (...args) => memory.renew(...args),
    release: (...args) => memory.release(...args),
    complete: (...args) =>
      ++completes === 1
        ? Promise.reject(new Error('Connection is closed.'))
        : memory.complete(...args),
  };
  const lab = loggedLab(adapter, { store: flaky }, 'error');
  const errors = lab.logged;

  it('writes it again, so a retry replays the answer instead of running again, and logs nothing', async () => {
    const app = lab.app();
    const key = newKey();
    const payload = { amount: 90, currency: 'EUR' };
    const first = await charge(app, key, payload);
    expect(first.status).toBe(200);
    await waitUntil(() => completes >= 2);
    const before = runsOf('charge');
    const retry = await charge(app, key, payload);
    expect([retry.status, retry.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
    expect(retry.body).toEqual(first.body);
    expect(runsOf('charge')).toBe(before);
    expect(errors).toEqual([]);
  });
});

describe.each(ADAPTERS)('an idempotency store that cannot answer, on %s', (adapter) => {
  const hanging: IdempotencyStore = {
    claim: () => new Promise(() => undefined),
    renew: () => new Promise(() => undefined),
    complete: () => new Promise(() => undefined),
    release: () => new Promise(() => undefined),
  };

  it.each([
    [
      'a Redis nobody listens on',
      async () => ({ redis: `redis://127.0.0.1:${await sparePort()}`, commandTimeoutMs: 200 }),
    ],
    ['a store that never answers', () => Promise.resolve(hanging)],
  ])(
    'answers 503 IDEMPOTENCY_UNAVAILABLE with Retry-After for %s, and runs nothing',
    async (_case, makeStore) => {
      const app = await startApp(
        IdempotencyLabModule.with({
          idempotency: { store: (await makeStore()) as never },
        }),
        adapter,
      );
      try {
        const before = runsOf('charge');
        const answer = await charge(app, newKey(), { amount: 80, currency: 'EUR' });
        expect(answer.status).toBe(503);
        expect(codeOf(answer)).toBe('IDEMPOTENCY_UNAVAILABLE');
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(runsOf('charge')).toBe(before);
      } finally {
        await app.close();
      }
    },
  );
});
