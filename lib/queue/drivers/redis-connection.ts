import type { Redis, RedisOptions } from 'ioredis';
import { ioredisMissing } from '../../mindoff.messages';
import { loadOptionalPeer } from '../../optional-peer';

/** A Redis URL, ioredis options, or an ioredis client to copy the settings of (never used itself). */
export type RedisConnection = string | RedisOptions | Redis;

/** A new ioredis client for `connection` (ioredis is an optional peer, loaded on use). */
export function createRedis(connection: RedisConnection, overrides: RedisOptions = {}): Redis {
  const { Redis: RedisClient } = loadOptionalPeer<typeof import('ioredis')>('ioredis', () =>
    ioredisMissing('queue.connection (BullMQ on Redis)'),
  );
  if (typeof connection === 'string') return new RedisClient(connection, overrides);
  // A client (e.g. the one a BullModule configuration holds): a new connection with its settings.
  if (typeof (connection as Redis).duplicate === 'function') {
    return (connection as Redis).duplicate(overrides);
  }
  return new RedisClient({ ...(connection as RedisOptions), ...overrides });
}
