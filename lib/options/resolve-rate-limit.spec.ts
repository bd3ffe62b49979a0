import { Cluster, Redis } from 'ioredis';
import { resolveOptions } from './resolve-options';
import { resolveRateLimit } from './resolve-rate-limit';

describe('resolveRateLimit', () => {
  it('applies every default: 1000 ms per store call, fail-closed, 10 failed authentications a minute', () => {
    const problems: string[] = [];
    expect(resolveRateLimit({}, problems)).toEqual({
      storage: undefined,
      redis: undefined,
      prefix: 'mindoff:rl:',
      commandTimeoutMs: 1000,
      onStoreError: 'fail-closed',
      failedAuth: { limit: 10, ttlMs: 60_000, source: '10/m' },
      headers: 'draft-8',
    });
    expect(problems).toEqual([]);
    expect(resolveOptions({}).options.rateLimit.failedAuth?.source).toBe('10/m');
  });

  it('keeps what the app set, ioredis options included', () => {
    const resolved = resolveRateLimit(
      {
        redis: { host: 'redis.internal', port: 6380, tls: {} },
        commandTimeoutMs: 250,
        onStoreError: 'fail-open',
        failedAuth: '5/h',
      },
      [],
    );
    expect(resolved).toMatchObject({
      redis: { host: 'redis.internal', port: 6380, tls: {} },
      commandTimeoutMs: 250,
      onStoreError: 'fail-open',
      failedAuth: { limit: 5, ttlMs: 3_600_000, source: '5/h' },
    });
  });

  it('stops counting failed authentications with null or false', () => {
    expect(resolveRateLimit({ failedAuth: null }, []).failedAuth).toBeNull();
    expect(resolveRateLimit({ failedAuth: false }, []).failedAuth).toBeNull();
  });

  it("keeps each rate-limit header choice: 'draft-8', 'draft-6' or false", () => {
    for (const headers of ['draft-8', 'draft-6', false] as const) {
      const problems: string[] = [];
      expect(resolveRateLimit({ headers }, problems).headers).toBe(headers);
      expect(problems).toEqual([]);
    }
  });

  it('refuses any other rate-limit header choice, naming the option and its values', () => {
    for (const headers of ['draft-7', 'draft8', true, null, 8]) {
      const { problems } = resolveOptions({
        rateLimit: { headers: headers as unknown as 'draft-8' },
      });
      expect(problems).toEqual([
        `MindoffModule: rateLimit.headers ${JSON.stringify(headers)} is not an option; use 'draft-8' (RateLimit-Policy and RateLimit, the current IETF draft, the default), 'draft-6' (RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset) or false (no rate-limit fields; Retry-After still comes with every 429).`,
      ]);
    }
  });

  it('reports every wrong rate-limit option at once, each with its fix', () => {
    class SomeClient {}
    expect(resolveOptions({ rateLimit: { redis: 6379 as unknown as string } }).problems).toEqual([
      "MindoffModule: rateLimit.redis (6379) is neither a Redis URL nor ioredis options; use e.g. 'redis://127.0.0.1:6379' or { host, port }, or pass your own client as storage: new RedisThrottlerStorage(client).",
    ]);
    const { problems } = resolveOptions({
      rateLimit: {
        redis: new SomeClient() as unknown as string,
        commandTimeoutMs: 0,
        onStoreError: 'open' as 'fail-open',
        failedAuth: '10 per minute' as '10/m',
      },
    });
    expect(problems).toEqual([
      "MindoffModule: rateLimit.redis (a SomeClient object) is neither a Redis URL nor ioredis options; use e.g. 'redis://127.0.0.1:6379' or { host, port }, or pass your own client as storage: new RedisThrottlerStorage(client).",
      'MindoffModule: rateLimit.commandTimeoutMs 0 must be a number of milliseconds > 0 (how long a call to the rate-limit store may take), e.g. 1000.',
      `MindoffModule: rateLimit.onStoreError "open" is not an option; use 'fail-closed' (answer 503 RATE_LIMIT_UNAVAILABLE while the store cannot be reached, the default) or 'fail-open' (let requests through without limits meanwhile).`,
      `MindoffModule: rateLimit.failedAuth "10 per minute" is not a rate; use 'N/s', 'N/m', 'N/h' or 'N/d' (e.g. '10/m'), or null to stop counting failed authentications.`,
    ]);
  });

  it('takes an ioredis Cluster, its { cluster } form and a client as rateLimit.redis (a copy is opened)', () => {
    const cluster = new Cluster([{ host: '127.0.0.1', port: 7000 }], { lazyConnect: true });
    const client = new Redis({ lazyConnect: true });
    try {
      for (const redis of [cluster, { cluster: [7000] }, client]) {
        const problems: string[] = [];
        expect(resolveRateLimit({ redis }, problems).redis).toBe(redis);
        expect(problems).toEqual([]);
      }
    } finally {
      cluster.disconnect();
      client.disconnect();
    }
  });
});
