const notFound = (name: string) =>
  Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });

describe('optional peers', () => {
  afterEach(() => jest.resetModules());

  it('loads a peer that is installed', () => {
    jest.isolateModules(() => {
      const { loadOptionalPeer } =
        jest.requireActual<typeof import('./optional-peer')>('./optional-peer');
      const bullmq = loadOptionalPeer<typeof import('bullmq')>('bullmq', () => 'missing');
      expect(typeof bullmq.Queue).toBe('function');
    });
  });

  it('rethrows a failure other than a missing package as it is', () => {
    jest.isolateModules(() => {
      jest.doMock('bullmq', () => {
        throw new Error('broken install');
      });
      const { loadOptionalPeer } =
        jest.requireActual<typeof import('./optional-peer')>('./optional-peer');
      expect(() => loadOptionalPeer('bullmq', () => 'missing')).toThrow('broken install');
    });
  });

  it('says how to install bullmq when queue.connection needs it and it is missing', () => {
    jest.isolateModules(() => {
      jest.doMock('bullmq', () => {
        throw notFound('bullmq');
      });
      const { BullmqQueueDriver } = jest.requireActual<
        typeof import('./queue/drivers/bullmq/bullmq.driver')
      >('./queue/drivers/bullmq/bullmq.driver');
      const build = () =>
        new BullmqQueueDriver({
          connection: 'redis://127.0.0.1:1',
          prefix: 'mindoff',
          queueName: 'mindoff',
          retention: { completedMs: 1000, failedMs: 1000 },
          commandTimeoutMs: 5000,
          lockDurationMs: 30_000,
          stalledIntervalMs: 30_000,
        });
      expect(build).toThrow(
        'MindoffModule: queue.connection runs queue-mode tasks on BullMQ, which needs bullmq and ioredis; install them: npm install bullmq ioredis',
      );
    });
  });

  it('says how to install ioredis when rateLimit.redis needs it and it is missing', () => {
    jest.isolateModules(() => {
      jest.doMock('ioredis', () => {
        throw notFound('ioredis');
      });
      const { createRedisThrottlerStorage } = jest.requireActual<
        typeof import('./throttling/redis-throttler.storage')
      >('./throttling/redis-throttler.storage');
      expect(() => createRedisThrottlerStorage('redis://127.0.0.1:1')).toThrow(
        'MindoffModule: rateLimit.redis (rate-limit counters in Redis) needs ioredis; install it: npm install ioredis',
      );
    });
  });

  it('says how to install ioredis when queue.connection needs it and it is missing', () => {
    jest.isolateModules(() => {
      jest.doMock('ioredis', () => {
        throw notFound('ioredis');
      });
      const { createRedis } = jest.requireActual<
        typeof import('./queue/drivers/bullmq/redis-connection')
      >('./queue/drivers/bullmq/redis-connection');
      expect(() => createRedis('redis://127.0.0.1:1')).toThrow(
        'MindoffModule: queue.connection (BullMQ on Redis) needs ioredis; install it: npm install ioredis',
      );
    });
  });

  it('says how to install passport when an API declares auth and it is missing', () => {
    jest.isolateModules(() => {
      jest.doMock('passport', () => {
        throw notFound('passport');
      });
      const { loadPassport } =
        jest.requireActual<typeof import('./auth/passport.loader')>('./auth/passport.loader');
      expect(() => loadPassport()).toThrow('npm install passport @nestjs/passport');
    });
  });
});
