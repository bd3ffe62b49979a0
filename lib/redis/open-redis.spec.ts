import { Cluster, Redis } from 'ioredis';
import { openRedis } from './open-redis';

const RULES = {
  commandTimeout: 700,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  autoResubscribe: false,
};

describe('openRedis', () => {
  const opened: (Redis | Cluster)[] = [];
  afterEach(() => opened.splice(0).forEach((client) => client.disconnect()));
  const open = (...args: Parameters<typeof openRedis>) => {
    const client = openRedis(...args);
    opened.push(client);
    return client;
  };

  it("gives a copy of a Cluster client mindoff's rules at the Cluster and at each node, keeping the app's own settings", () => {
    const app = new Cluster([{ host: '127.0.0.1', port: 7000 }], {
      lazyConnect: true,
      scaleReads: 'master',
      redisOptions: { password: 'secret', commandTimeout: 99_999 },
    });
    opened.push(app);
    const copy = open(app, { rules: RULES, purpose: 'queue.connection' }) as unknown as Cluster;
    expect(copy).not.toBe(app);
    expect(copy.isCluster).toBe(true);
    expect(copy.options).toMatchObject({
      enableOfflineQueue: false,
      scaleReads: 'master',
      redisOptions: {
        password: 'secret',
        commandTimeout: 700,
        maxRetriesPerRequest: 1,
        autoResubscribe: false,
      },
    });
    expect(app.options.redisOptions?.commandTimeout).toBe(99_999);
  });

  it('opens a Cluster from { cluster, options }, the reconnection backoff as the Cluster retry strategy', () => {
    const retryStrategy = (attempt: number) => attempt * 10;
    const cluster = open(
      { cluster: [{ host: '127.0.0.1', port: 7000 }], options: { lazyConnect: true } },
      { rules: { ...RULES, retryStrategy }, purpose: 'rateLimit.redis' },
    ) as unknown as Cluster;
    expect(cluster.isCluster).toBe(true);
    expect(cluster.options.clusterRetryStrategy).toBe(retryStrategy);
    expect(cluster.options.enableOfflineQueue).toBe(false);
    expect(cluster.options.redisOptions).toMatchObject({ commandTimeout: 700 });
  });

  it("lets the app's options win over defaults, and rules win over both", () => {
    const cluster = open(
      {
        cluster: [7000],
        options: {
          lazyConnect: true,
          enableOfflineQueue: true,
          redisOptions: { commandTimeout: 5 },
        },
      },
      {
        defaults: { enableOfflineQueue: false, maxRetriesPerRequest: 0 },
        rules: { commandTimeout: 700 },
        purpose: 'rateLimit.redis',
      },
    ) as unknown as Cluster;
    expect(cluster.options.enableOfflineQueue).toBe(true);
    expect(cluster.options.redisOptions).toMatchObject({
      commandTimeout: 700,
      maxRetriesPerRequest: 0,
    });
    const single = open(
      { lazyConnect: true, maxRetriesPerRequest: 3, commandTimeout: 5 },
      { defaults: { maxRetriesPerRequest: 0 }, rules: { commandTimeout: 700 }, purpose: 'x' },
    );
    expect(single.options).toMatchObject({ maxRetriesPerRequest: 3, commandTimeout: 700 });
  });

  it('applies the rules to Sentinel options, URLs (rediss:// with an ACL user) and copies of a client', () => {
    const sentinel = open(
      { sentinels: [{ host: '127.0.0.1', port: 26379 }], name: 'main', lazyConnect: true },
      { rules: RULES, purpose: 'queue.connection' },
    );
    expect(sentinel.options).toMatchObject({ name: 'main', ...RULES });
    const url = open('rediss://app:secret@127.0.0.1:6380', {
      rules: { ...RULES, lazyConnect: true } as typeof RULES,
      purpose: 'queue.connection',
    });
    expect(url.options).toMatchObject({
      username: 'app',
      password: 'secret',
      port: 6380,
      ...RULES,
    });
    expect(url.options.tls).toBeDefined();
    const app = new Redis({ lazyConnect: true, db: 3 });
    opened.push(app);
    const copy = open(app, { rules: RULES, purpose: 'queue.connection' });
    expect(copy).not.toBe(app);
    expect(copy.options).toMatchObject({ db: 3, ...RULES });
  });
});
