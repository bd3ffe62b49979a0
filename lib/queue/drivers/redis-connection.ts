import type { Redis, RedisOptions } from 'ioredis';

/** A Redis URL or ioredis options. */
export type RedisConnection = string | RedisOptions;

/** A new ioredis client for `connection` (ioredis is an optional peer, loaded on use). */
export function createRedis(connection: RedisConnection, overrides: RedisOptions = {}): Redis {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Redis: RedisClient } = require('ioredis') as typeof import('ioredis');
  return typeof connection === 'string'
    ? new RedisClient(connection, overrides)
    : new RedisClient({ ...connection, ...overrides });
}
