import type { Redis, RedisOptions } from 'ioredis';
import { ioredisMissing } from '../../mindoff.messages';
import { loadOptionalPeer } from '../../optional-peer';

/** A Redis URL or ioredis options. */
export type RedisConnection = string | RedisOptions;

/** A new ioredis client for `connection` (ioredis is an optional peer, loaded on use). */
export function createRedis(connection: RedisConnection, overrides: RedisOptions = {}): Redis {
  const { Redis: RedisClient } = loadOptionalPeer<typeof import('ioredis')>('ioredis', () =>
    ioredisMissing('queue.connection (BullMQ on Redis)'),
  );
  return typeof connection === 'string'
    ? new RedisClient(connection, overrides)
    : new RedisClient({ ...connection, ...overrides });
}
