import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';
import { sparePort } from '../../test/support/redis-server';
import { waitUntil } from '../../test/support/wait-until';
import {
  RATE_LIMIT_REDIS_RECONNECT_MAX_MS,
  openRateLimitRedis,
  type RateLimitRedisClient,
} from './rate-limit-redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Collects what the client logs, by level. */
function capturingLogger() {
  const lines = { error: [] as string[], warn: [] as string[], log: [] as string[] };
  return {
    lines,
    error: (message: unknown) => void lines.error.push(String(message)),
    warn: (message: unknown) => void lines.warn.push(String(message)),
    log: (message: unknown) => void lines.log.push(String(message)),
  };
}

/**
 * A TCP proxy to the shared Redis that can stop passing Redis's answers on, like a Redis that
 * hangs or a network that drops packets after the connection was made.
 */
async function freezableProxy() {
  const target = new URL(REDIS_URL);
  const sockets = new Set<Socket>();
  let frozen = false;
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    sockets.add(client).add(upstream);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('data', (data) => upstream.write(data));
    upstream.on('data', (data) => {
      if (!frozen) client.write(data);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as { port: number }).port,
    freeze: () => void (frozen = true),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

describe('openRateLimitRedis', () => {
  const opened: RateLimitRedisClient[] = [];
  const open = (...args: Parameters<typeof openRateLimitRedis>) => {
    const client = openRateLimitRedis(...args);
    opened.push(client);
    return client;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((client) => client.close()));
  });

  it('defaults to failing fast and reconnecting with a capped backoff', () => {
    const { redis } = open('redis://127.0.0.1:1', 750, capturingLogger());
    redis.disconnect();
    expect(redis.options).toMatchObject({
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 750,
    });
    const delays = [1, 2, 5, 50].map((attempt) => redis.options.retryStrategy?.(attempt));
    expect(delays).toEqual([100, 200, 500, RATE_LIMIT_REDIS_RECONNECT_MAX_MS]);
  });

  it('takes ioredis options, which win over the defaults except commandTimeout', () => {
    const retryStrategy = () => 50;
    const { redis } = open(
      { host: '127.0.0.1', port: 1, lazyConnect: true, retryStrategy, commandTimeout: 99 },
      300,
      capturingLogger(),
    );
    expect(redis.options).toMatchObject({ port: 1, retryStrategy, commandTimeout: 300 });
  });

  it('answers a command within commandTimeoutMs when Redis stops answering a live connection', async () => {
    const proxy = await freezableProxy();
    try {
      const { redis, ready } = open(
        { host: '127.0.0.1', port: proxy.port },
        200,
        capturingLogger(),
      );
      await ready();
      expect(await redis.ping()).toBe('PONG');
      proxy.freeze();
      const started = Date.now();
      await expect(redis.ping()).rejects.toThrow('Command timed out');
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await proxy.close();
    }
  });

  it('fails at once while Redis is unreachable and logs that once, however many reconnections fail', async () => {
    const logger = capturingLogger();
    const { redis, ready } = open(`redis://127.0.0.1:${await sparePort()}`, 200, logger);
    await ready();
    expect(logger.lines.warn).toEqual([
      'Redis for rate limits was not ready within 200 ms of startup; the app starts anyway and rateLimit.onStoreError applies until it connects.',
    ]);
    await expect(redis.ping()).rejects.toThrow("Stream isn't writeable");
    // Several reconnections fail (the client retries every few ms at first): still one line.
    let reconnections = 0;
    redis.on('reconnecting', () => reconnections++);
    await waitUntil(() => reconnections >= 3);
    expect(logger.lines.error).toHaveLength(1);
    expect(logger.lines.error[0]).toMatch(/^Redis for rate limits is unreachable \(.*ECONNREFUSED/);
  });

  it('waits for the first connection, then works', async () => {
    const logger = capturingLogger();
    const { redis, ready } = open(REDIS_URL, 1000, logger);
    await ready();
    expect(await redis.ping()).toBe('PONG');
    expect(logger.lines).toEqual({ error: [], warn: [], log: [] });
  });
});
