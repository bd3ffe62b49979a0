import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { ThrottlerStorage } from '@nestjs/throttler';
import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { ResponseCatalog } from '../../lib/responses';
import { MINDOFF_THROTTLER_STORAGE } from '../../lib/throttling/rate-limit-storage.provider';
import { ADAPTERS, type AdapterName } from '../support/http-app';
import { exchange } from '../support/raw-exchange';
import { fuzzCase } from './hostile-fuzz.cases';
import { judge, type FuzzCase } from './hostile-fuzz.http';
import { internalText } from './hostile-fuzz.leaks';

const SEED = 20_261_130;
const REQUESTS = 10_000;
const CONCURRENCY = 12;
const RSS_GROWTH_LIMIT_MB = 512;

/** Every request counts as the first of its window: rate limits are not what this test fuzzes. */
const unlimited: ThrottlerStorage = {
  increment: () =>
    Promise.resolve({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 }),
};

/** The sample app on `adapter`, its queue embedded and its report job without pauses. */
async function startSample(adapter: AdapterName): Promise<{ app: INestApplication; url: string }> {
  const saved = { pause: process.env.SAMPLE_REPORT_PAUSE_MS, redis: process.env.REDIS_URL };
  process.env.SAMPLE_REPORT_PAUSE_MS = '0';
  delete process.env.REDIS_URL;
  const { AppModule } = await import('../../sample/app.module.js');
  Object.assign(process.env, { SAMPLE_REPORT_PAUSE_MS: saved.pause, REDIS_URL: saved.redis });
  if (saved.pause === undefined) delete process.env.SAMPLE_REPORT_PAUSE_MS;
  if (saved.redis === undefined) delete process.env.REDIS_URL;
  const ref = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(MINDOFF_THROTTLER_STORAGE)
    .useValue(unlimited)
    .compile();
  const app =
    adapter === 'fastify'
      ? ref.createNestApplication(new FastifyAdapter(), { logger: false })
      : ref.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

interface Failure {
  kind: string;
  reason: string;
  request: string;
}

/**
 * Sends every case, `CONCURRENCY` at a time, and keeps what broke the contract, and every refusal
 * (a 4xx, 5xx or closed socket) that carries internal error text.
 */
async function send(url: string, cases: FuzzCase[], catalog: ResponseCatalog) {
  const failures: Failure[] = [];
  const leaks: Failure[] = [];
  let refusals = 0;
  const statuses = new Map<number, number>();
  const byKind: Record<string, Record<number, number>> = {};
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const fuzz = cases[next++]!;
      const answer = await exchange(url, fuzz.bytes, { endAfterWrite: fuzz.endAfterWrite });
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const kind = (byKind[fuzz.kind] ??= {});
      kind[answer.status] = (kind[answer.status] ?? 0) + 1;
      const request = () => fuzz.bytes.subarray(0, 300).toString('latin1');
      const reason = judge(catalog, fuzz.expect, answer);
      if (reason) failures.push({ kind: fuzz.kind, reason, request: request() });
      if (answer.status >= 400 || answer.status === 0) {
        refusals++;
        const leak = internalText(answer);
        if (leak) leaks.push({ kind: fuzz.kind, reason: leak, request: request() });
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { failures, statuses, byKind, leaks, refusals };
}

describe.each(ADAPTERS)('hostile input at volume against the sample app on %s', (adapter) => {
  let app: INestApplication;
  let url: string;
  const catalog = ResponseCatalog.fromFile(`${process.cwd()}/sample/config/responses.csv`);

  beforeAll(async () => {
    ({ app, url } = await startSample(adapter));
  });
  afterAll(async () => {
    const server = app.getHttpServer() as { closeAllConnections?: () => void };
    const grace = setTimeout(() => server.closeAllConnections?.(), 1000);
    await app.close();
    clearTimeout(grace);
  });

  /** The corpus, sent once for both tests below. */
  let corpus: Promise<Awaited<ReturnType<typeof send>> & { growthMb: number }> | undefined;
  const sendCorpus = () =>
    (corpus ??= (async () => {
      const cases = fc.sample(fuzzCase, { seed: SEED, numRuns: REQUESTS });
      const rssBefore = process.memoryUsage().rss;
      const started = Date.now();
      const outcome = await send(url, cases, catalog);
      const seconds = (Date.now() - started) / 1000;
      const growthMb = (process.memoryUsage().rss - rssBefore) / 1048576;
      console.log(
        `${adapter}: ${cases.length} requests in ${seconds.toFixed(1)} s, RSS ${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(0)} MB, ` +
          `${outcome.failures.length} failures, ${outcome.refusals} refusals; statuses by kind:\n` +
          Object.entries(outcome.byKind)
            .map(([kind, counts]) => `  ${kind}: ${JSON.stringify(counts)}`)
            .join('\n'),
      );
      return { ...outcome, growthMb };
    })());

  it(`answers ${REQUESTS} generated requests with envelopes, never a 5xx, within bounded memory`, async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
    const { failures, statuses, growthMb } = await sendCorpus();
    expect(failures.slice(0, 10)).toEqual([]);
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(growthMb).toBeLessThan(RSS_GROWTH_LIMIT_MB);
  }, 120_000);

  it('answers no refusal of the corpus with internal error text: no RangeError, Maximum call stack, stack frame or file path', async () => {
    const { leaks, refusals } = await sendCorpus();
    expect(refusals).toBeGreaterThan(REQUESTS / 2);
    expect(leaks.slice(0, 10)).toEqual([]);
  }, 120_000);
});
