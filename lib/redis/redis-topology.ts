import type { Cluster } from 'ioredis';
import type {
  MindoffRedisConnection,
  RedisClusterConnection,
} from '../interfaces/redis-connection.interface';

/** Whether `value` is an ioredis `Cluster` client (ioredis marks it `isCluster`). */
export function isClusterClient(value: unknown): value is Cluster {
  return typeof value === 'object' && value !== null && (value as Cluster).isCluster === true;
}

/** Whether `value` is the `{ cluster: nodes, options }` form of a Redis Cluster. */
export function isClusterForm(value: unknown): value is RedisClusterConnection {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as RedisClusterConnection).cluster)
  );
}

/** Whether a connection option names a Redis Cluster (a `Cluster` client or its nodes). */
export function isClusterConnection(value: MindoffRedisConnection | undefined): boolean {
  return isClusterClient(value) || isClusterForm(value);
}

/**
 * The hash tag Redis Cluster places `key` by: the text between its first `{` and the first `}`
 * after it, when not empty (Redis' own rule); undefined when the key has none.
 *
 * @example
 * hashTag('{mindoff}:mindoff:wait'); // 'mindoff'
 */
export function hashTag(key: string): string | undefined {
  const open = key.indexOf('{');
  if (open < 0) return undefined;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : undefined;
}
