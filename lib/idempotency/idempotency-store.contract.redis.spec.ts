import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type {
  IdempotencyOutcome,
  IdempotencyStore,
} from '../interfaces/idempotency-store.interface';
import { MemoryIdempotencyStore } from './memory-idempotency.store';
import { RedisIdempotencyStore } from './redis-idempotency.store';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const outcome: IdempotencyOutcome = {
  status: 201,
  body: '{"status":"ok"}',
  object: false,
  contentType: 'application/json; charset=utf-8',
};
const LONG = 60_000;

async function eventually(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the condition never held');
}

describe.each(['memory', 'redis'] as const)('the %s idempotency store', (kind) => {
  let redis: Redis | undefined;
  let store: IdempotencyStore;
  beforeAll(() => {
    if (kind === 'redis') redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await redis?.quit();
  });
  beforeEach(() => {
    store =
      kind === 'redis' && redis
        ? new RedisIdempotencyStore(redis, { prefix: `mindoff-test:idem-contract:${randomUUID()}` })
        : new MemoryIdempotencyStore();
  });

  it('gives a free key to the first claim, and says it is running to the next', async () => {
    expect(await store.claim('k', 'fp', 't1', LONG)).toEqual({ state: 'claimed' });
    const next = await store.claim('k', 'fp2', 't2', LONG);
    expect(next).toMatchObject({ state: 'running', fingerprint: 'fp' });
    expect(next.state === 'running' && next.retryAfterMs).toBeGreaterThan(0);
  });

  it('keeps the answer of the holder and hands it to later claims', async () => {
    await store.claim('k', 'fp', 't1', LONG);
    expect(await store.complete('k', 't1', outcome, LONG)).toBe(true);
    expect(await store.claim('k', 'fp', 't2', LONG)).toEqual({
      state: 'done',
      fingerprint: 'fp',
      outcome,
    });
  });

  it('frees a released key for the next claim', async () => {
    await store.claim('k', 'fp', 't1', LONG);
    await store.release('k', 't1');
    expect(await store.claim('k', 'fp', 't2', LONG)).toEqual({ state: 'claimed' });
  });

  it('lets no one but the holder renew, complete or release a claim', async () => {
    await store.claim('k', 'fp', 't1', LONG);
    expect(await store.renew('k', 'other', LONG)).toBe(false);
    expect(await store.complete('k', 'other', outcome, LONG)).toBe(false);
    await store.release('k', 'other');
    expect(await store.claim('k', 'fp', 't2', LONG)).toMatchObject({ state: 'running' });
    expect(await store.renew('k', 't1', LONG)).toBe(true);
  });

  it('never lets a kept answer be released or overwritten', async () => {
    await store.claim('k', 'fp', 't1', LONG);
    await store.complete('k', 't1', outcome, LONG);
    await store.release('k', 't1');
    expect(await store.complete('k', 't1', { ...outcome, status: 500 }, LONG)).toBe(false);
    expect(await store.claim('k', 'fp', 't2', LONG)).toMatchObject({ state: 'done', outcome });
  });

  it('frees a claim nobody renews after its lock ttl, and a late holder can no longer complete it', async () => {
    await store.claim('k', 'fp', 'dead', 50);
    await eventually(async () => (await store.claim('k', 'fp', 't2', LONG)).state === 'claimed');
    expect(await store.complete('k', 'dead', outcome, LONG)).toBe(false);
  });

  it('forgets a kept answer after its ttl', async () => {
    await store.claim('k', 'fp', 't1', LONG);
    await store.complete('k', 't1', outcome, 50);
    await eventually(async () => (await store.claim('k', 'fp', 't2', LONG)).state === 'claimed');
  });

  it('gives exactly one of many simultaneous claims the key', async () => {
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.claim('k', 'fp', `t${i}`, LONG)),
    );
    expect(claims.filter((claim) => claim.state === 'claimed')).toHaveLength(1);
  });

  it('keeps keys apart', async () => {
    await store.claim('a', 'fp', 't1', LONG);
    expect(await store.claim('b', 'fp', 't2', LONG)).toEqual({ state: 'claimed' });
  });
});

describe('RedisIdempotencyStore keys', () => {
  it('puts each key under a hash tag of its own, so its script touches one Cluster slot', () => {
    const client: Record<string, unknown> = {};
    client.defineCommand = (name: string) => (client[name] = () => Promise.resolve(0));
    const store = new RedisIdempotencyStore(client as unknown as Redis, { prefix: 'app:idem' });
    expect(store.redisKey('user:1\napi\nkey')).toMatch(/^app:idem:\{[0-9a-f]{64}\}$/);
  });
});
