import type { Redis } from 'ioredis';
import type { MindoffRedisConnection } from '../../../interfaces/redis-connection.interface';
import { openRedis, type ConnectionRules } from '../../../redis/open-redis';

/** A Redis URL, ioredis options, an ioredis client or Cluster to copy the settings of, or Cluster nodes. */
export type RedisConnection = MindoffRedisConnection;

/**
 * A new ioredis client (a `Cluster` on a Cluster) for `connection`, with `rules` winning over the
 * given settings on every topology (ioredis is an optional peer, loaded on use).
 */
export function createRedis(connection: RedisConnection, rules: ConnectionRules = {}): Redis {
  return openRedis(connection, { rules, purpose: 'queue.connection (BullMQ on Redis)' });
}
