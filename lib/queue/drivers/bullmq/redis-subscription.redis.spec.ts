import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Redis, type RedisOptions } from 'ioredis';
import { startRedisProxy, type RedisProxy } from '../../../../test/support/redis-proxy';
import { SUBSCRIBER_OPTIONS, subscribeOnEveryConnection } from './redis-subscription';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SUBSCRIBE = /SUBSCRIBE/i;

describe('subscribeOnEveryConnection', () => {
  let proxy: RedisProxy;
  let publisher: Redis;
  const opened: Redis[] = [];
  const unhandled: unknown[] = [];
  const record = (error: unknown) => unhandled.push(error);
  const channel = `mindoff-test:subscription:${randomUUID()}`;

  /** A subscriber through the proxy, as the BullMQ driver opens it. */
  const subscriber = (options: RedisOptions = {}) => {
    const client = new Redis(proxy.url, {
      ...SUBSCRIBER_OPTIONS,
      ...options,
      retryStrategy: () => 20,
    });
    client.on('error', () => undefined);
    opened.push(client);
    return client;
  };

  /** Publishes until `client` receives a message (a subscription takes a moment to be made). */
  const delivered = async (client: Redis) => {
    const message = once(client, 'message');
    const timer = setInterval(() => void publisher.publish(channel, 'hello'), 20);
    try {
      const [received, text] = (await message) as [string, string];
      return { channel: received, text };
    } finally {
      clearInterval(timer);
    }
  };

  beforeAll(async () => {
    proxy = await startRedisProxy(REDIS_URL);
    publisher = new Redis(REDIS_URL);
    process.on('unhandledRejection', record);
  });
  afterEach(() => {
    proxy.holdRepliesAfter(undefined);
    for (const client of opened.splice(0)) client.disconnect();
  });
  afterAll(async () => {
    publisher.disconnect();
    await proxy.close();
    process.off('unhandledRejection', record);
  });

  it('subscribes on the first connection and again after the connection is lost', async () => {
    const client = subscriber();
    subscribeOnEveryConnection(client, channel);
    expect(await delivered(client)).toEqual({ channel, text: 'hello' });

    const resubscribed = proxy.sent(SUBSCRIBE);
    proxy.dropConnections();
    await resubscribed;
    expect(await delivered(client)).toEqual({ channel, text: 'hello' });
  });

  it('leaves no unhandled rejection when the connection closes before SUBSCRIBE is answered', async () => {
    const client = subscriber();
    subscribeOnEveryConnection(client, channel);
    await delivered(client);

    // Reconnected, the subscription is asked for again and its reply never comes; then the
    // connection is closed (an app shutting down, or Redis going away again).
    proxy.holdRepliesAfter(SUBSCRIBE);
    const resubscribing = proxy.sent(SUBSCRIBE);
    proxy.dropConnections();
    await resubscribing;
    client.disconnect();
    await once(client, 'end');
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  });

  it('connects a lazy connection, which would otherwise wait for a first command', async () => {
    const client = subscriber({ lazyConnect: true });
    subscribeOnEveryConnection(client, channel);
    expect(await delivered(client)).toEqual({ channel, text: 'hello' });
  });
});
