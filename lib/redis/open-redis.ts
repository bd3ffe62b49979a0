import type { Cluster, ClusterOptions, Redis, RedisOptions } from 'ioredis';
import type { MindoffRedisConnection } from '../interfaces/redis-connection.interface';
import { ioredisMissing } from '../mindoff.messages';
import { loadOptionalPeer } from '../optional-peer';
import { isClusterClient, isClusterForm } from './redis-topology';

/**
 * mindoff's settings of one connection, said once for every topology: on one node or Sentinel
 * they are ioredis options of the client; on a Cluster `enableOfflineQueue` and `retryStrategy`
 * (as `clusterRetryStrategy`) are the Cluster's, the others are its nodes' (`redisOptions`).
 */
export interface ConnectionRules {
  /** How long one command may take (ioredis `commandTimeout`). */
  commandTimeout?: number;
  /** false: a command fails at once while disconnected instead of waiting for the connection. */
  enableOfflineQueue?: boolean;
  /** Reconnections a command waits through; null for BullMQ's blocking connections. */
  maxRetriesPerRequest?: number | null;
  /** false: mindoff subscribes again itself, on `ready`. */
  autoResubscribe?: boolean;
  /** Delay before reconnection attempt `attempt`. */
  retryStrategy?: (attempt: number) => number | null;
}

/** How {@link openRedis} applies rules: `defaults` lose to the given options, `rules` win over them. */
export interface OpenRedisRules {
  defaults?: ConnectionRules;
  rules?: ConnectionRules;
  /** What the connection is for, named when ioredis is missing (`'queue.connection'`). */
  purpose: string;
}

/**
 * A new ioredis client of mindoff's own for `connection`, on any topology, with `rules` applied
 * to it: a URL or options give a client (one node or Sentinel); a client gives a copy with its
 * settings (`duplicate`); a `Cluster` or `{ cluster, options }` gives a `Cluster` whose nodes get
 * the node rules. A client passed in is never used itself. ioredis is loaded only now.
 *
 * mindoff calls only commands a `Cluster` answers as a client does, so both are typed `Redis`.
 */
export function openRedis(connection: MindoffRedisConnection, how: OpenRedisRules): Redis {
  const ioredis = loadOptionalPeer<typeof import('ioredis')>('ioredis', () =>
    ioredisMissing(how.purpose),
  );
  const defaults = how.defaults ?? {};
  const rules = how.rules ?? {};
  if (isClusterClient(connection)) {
    // duplicate() keeps the startup nodes; its options are merged one level deep, so the nodes'
    // options are given whole here (a partial redisOptions would drop the client's own).
    return asClient(connection.duplicate([], clusterOptions(connection.options, defaults, rules)));
  }
  if (isClusterForm(connection)) {
    const options = clusterOptions(connection.options ?? {}, defaults, rules);
    return asClient(new ioredis.Cluster(connection.cluster, options));
  }
  if (typeof connection === 'string') {
    return new ioredis.Redis(connection, { ...defaults, ...rules });
  }
  // A client (e.g. the one a BullModule configuration holds): a new connection with its settings.
  if (typeof (connection as Redis).duplicate === 'function') {
    return (connection as Redis).duplicate({ ...defaults, ...rules });
  }
  return new ioredis.Redis({ ...defaults, ...(connection as RedisOptions), ...rules });
}

/** The Cluster's options with mindoff's rules at the level each belongs to. */
export function clusterOptions(
  given: ClusterOptions,
  defaults: ConnectionRules,
  rules: ConnectionRules,
): ClusterOptions {
  return {
    ...clusterLevel(defaults),
    ...given,
    ...clusterLevel(rules),
    redisOptions: { ...nodeLevel(defaults), ...given.redisOptions, ...nodeLevel(rules) },
  };
}

function clusterLevel({ enableOfflineQueue, retryStrategy }: ConnectionRules): ClusterOptions {
  return {
    ...(enableOfflineQueue !== undefined && { enableOfflineQueue }),
    ...(retryStrategy && { clusterRetryStrategy: retryStrategy }),
  };
}

function nodeLevel(rules: ConnectionRules): NonNullable<ClusterOptions['redisOptions']> {
  const { commandTimeout, maxRetriesPerRequest, autoResubscribe } = rules;
  return {
    ...(commandTimeout !== undefined && { commandTimeout }),
    ...(maxRetriesPerRequest !== undefined && { maxRetriesPerRequest }),
    ...(autoResubscribe !== undefined && { autoResubscribe }),
  };
}

function asClient(cluster: Cluster): Redis {
  return cluster as unknown as Redis;
}
