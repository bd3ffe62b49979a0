import type { Cluster, ClusterNode, ClusterOptions, Redis, RedisOptions } from 'ioredis';

/**
 * A Redis Cluster named by its startup nodes; mindoff opens its own ioredis `Cluster` clients
 * with these options and its own connection rules on top.
 *
 * @example
 * { cluster: [{ host: '10.0.0.1', port: 7000 }], options: { redisOptions: { password: 's3cret' } } }
 */
export interface RedisClusterConnection {
  /** Some of the Cluster's nodes (`{ host, port }`, a port, or `'host:port'`); the rest are discovered. */
  cluster: ClusterNode[];
  /** ioredis Cluster options: `redisOptions` (username, password, `tls`), `natMap`, `scaleReads`... */
  options?: ClusterOptions;
}

/**
 * Where a mindoff store's Redis is: a URL (`redis://` or `rediss://user:password@host:port`),
 * ioredis options (one node, or Sentinel with `{ sentinels, name, sentinelPassword }`), an ioredis
 * client or `Cluster` whose settings mindoff copies into connections of its own, or a
 * {@link RedisClusterConnection}.
 */
export type MindoffRedisConnection =
  string | RedisOptions | Redis | Cluster | RedisClusterConnection;
