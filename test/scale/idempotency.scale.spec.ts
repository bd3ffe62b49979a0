import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { call, type Answer } from '../support/http-app';
import { startPrivateRedis, sparePort, type PrivateRedis } from '../support/redis-server';
import { startSample, type SampleProcess } from './sample-process';

jest.setTimeout(180_000);

const ASHA = { authorization: 'Bearer demo-token-asha' };
const codeOf = (a: Answer) => a.body?.message?.code as string;
const chargeIdOf = (a: Answer) => a.body?.data?.charge_id as string | undefined;

function charge(api: SampleProcess, key: string, amount = 500): Promise<Answer> {
  return call(api.url, 'POST', '/v1/payments/charge/', {
    json: { amount, currency: 'EUR' },
    headers: { ...ASHA, 'idempotency-key': key },
  });
}

/** Two API processes of the sample on one Redis (the test's own), keys kept in that Redis. */
describe('idempotency keys across two sample processes on one Redis', () => {
  let redis: PrivateRedis;
  let a: SampleProcess;
  let b: SampleProcess;
  let shared: Record<string, string>;
  const extra: SampleProcess[] = [];

  beforeAll(async () => {
    redis = await startPrivateRedis();
    shared = {
      REDIS_URL: redis.url,
      SAMPLE_QUEUE_PREFIX: `idem-scale-${randomUUID().slice(0, 8)}`,
      SAMPLE_RATE_LIMIT: '1000/m',
      SAMPLE_CHARGE_MS: '300',
      IDEMPOTENCY_LOCK_TTL: '1s',
    };
    [a, b] = await Promise.all([
      startSample('api', await sparePort(), shared),
      startSample('api', await sparePort(), shared),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), ...extra.map((p) => p.stop('SIGKILL'))]);
    await redis?.kill();
  });

  it('runs N concurrent identical requests with one key, spread over both processes, exactly once', async () => {
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => charge(i % 2 === 0 ? a : b, key)),
    );
    // Every answer is the charge or 409 in use; each run would have made a charge id of its own.
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    const charged = answers.filter((answer) => answer.status === 200);
    expect(charged.length).toBeGreaterThanOrEqual(1);
    expect(new Set(charged.map(chargeIdOf)).size).toBe(1);
    expect(
      answers.filter((x) => x.status === 409).every((x) => codeOf(x) === 'IDEMPOTENCY_KEY_IN_USE'),
    ).toBe(true);
    // Once it finished, both processes replay that one charge.
    const [fromA, fromB] = await Promise.all([charge(a, key), charge(b, key)]);
    for (const replay of [fromA, fromB]) {
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(chargeIdOf(replay)).toBe(chargeIdOf(charged[0]));
    }
  });

  it('frees the key of a process that died mid-run after lockTtl: the retry on the other runs', async () => {
    const key = randomUUID();
    const dying = await startSample('api', await sparePort(), {
      ...shared,
      SAMPLE_CHARGE_MS: '60000',
    });
    extra.push(dying);
    const admin = new Redis(redis.url);
    const keys = () => admin.keys(`${shared.SAMPLE_QUEUE_PREFIX}:idem:*`);
    const before = (await keys()).length;
    const first = charge(dying, key, 700).catch(() => undefined);
    // Wait until the dying process holds the key (its run() then sleeps for a minute).
    for (let i = 0; i < 500 && (await keys()).length === before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await admin.quit();
    const held = await charge(b, key, 700);
    expect(codeOf(held)).toBe('IDEMPOTENCY_KEY_IN_USE');
    await dying.stop('SIGKILL');
    await first;
    let retry: Answer | undefined;
    for (let i = 0; i < 200; i++) {
      retry = await charge(b, key, 700);
      if (retry.status !== 409) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(retry?.status).toBe(200);
    expect(retry?.headers.get('idempotent-replayed')).toBeNull();
  });
});
