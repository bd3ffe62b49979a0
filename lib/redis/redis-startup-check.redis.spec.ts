import { Redis } from 'ioredis';
import { sparePort, startPrivateRedis, type PrivateRedis } from '../../test/support/redis-server';
import { checkRedisAtStartup } from './redis-startup-check';

describe('checkRedisAtStartup', () => {
  let redis: PrivateRedis;
  let admin: Redis;
  const warnings: string[] = [];
  const logger = { warn: (line: string) => void warnings.push(line) };
  beforeAll(async () => {
    redis = await startPrivateRedis();
    admin = new Redis(redis.url);
  });
  afterAll(async () => {
    admin?.disconnect();
    await redis?.kill();
  });
  beforeEach(() => warnings.splice(0));
  const check = (url: string, option: string, queue: boolean, timeoutMs = 2000) =>
    checkRedisAtStartup(url, { option, timeoutMs, queue, logger });

  it("warns when a queue's Redis may evict keys, naming the option, the node and the fix", async () => {
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    await check(redis.url, 'queue.connection', true);
    expect(warnings).toEqual([
      `Redis of queue.connection at 127.0.0.1:${redis.port} has maxmemory-policy allkeys-lru: under memory pressure it may evict queue keys (jobs, locks) and lose tasks. Set maxmemory-policy noeviction on it (on a managed Redis, in its parameter group or settings).`,
    ]);
  });

  it('says nothing of eviction for rate-limit counters, nor under noeviction', async () => {
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    await check(redis.url, 'rateLimit.redis', false);
    await admin.config('SET', 'maxmemory-policy', 'noeviction');
    await check(redis.url, 'queue.connection', true);
    expect(warnings).toEqual([]);
  });

  it('lets startup go on when nothing listens there (the stores handle the outage)', async () => {
    const nobody = `redis://127.0.0.1:${await sparePort()}`;
    await expect(check(nobody, 'queue.connection', true, 60_000)).resolves.toBeUndefined();
    expect(warnings).toEqual([]);
  });
});
