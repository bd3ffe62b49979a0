import { Logger } from '@nestjs/common';
import type { Cluster, Redis } from 'ioredis';
import type { MindoffRedisConnection } from '../interfaces/redis-connection.interface';
import {
  redisClusterNodeGiven,
  redisCredentialsRefused,
  redisEvictionPolicy,
} from '../mindoff.messages';
import { openRedis } from './open-redis';
import { isRedisAuthError } from './redis-errors';
import { isClusterClient, isClusterConnection } from './redis-topology';

/** What a startup check looks at, and where it reports. */
export interface RedisStartupCheck {
  /** The option the connection came from, named in every message (`'queue.connection'`). */
  option: string;
  /** How long the check may wait for Redis; past it (or when Redis is down) startup goes on. */
  timeoutMs: number;
  /** Whether BullMQ keeps a queue there (then an evicting `maxmemory-policy` is warned about). */
  queue: boolean;
  logger?: Pick<Logger, 'warn'>;
}

/**
 * Looks at the Redis of `connection` once at startup, on a short-lived connection of its own:
 * refuses (throws, naming the option and the fix) credentials Redis rejects and a URL or host
 * that is one node of a Cluster; warns when a queue's Redis may evict keys. A Redis that is down
 * or slow is left to the stores' own outage handling, so it never holds startup up past
 * `timeoutMs`.
 */
export async function checkRedisAtStartup(
  connection: MindoffRedisConnection,
  check: RedisStartupCheck,
): Promise<void> {
  const probe = openRedis(connection, {
    rules: { commandTimeout: check.timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null },
    purpose: check.option,
  });
  try {
    const outcome = await firstConnection(probe, check.timeoutMs);
    if (outcome instanceof Error) {
      if (isRedisAuthError(outcome)) {
        throw new Error(redisCredentialsRefused(check.option, outcome.message));
      }
      return;
    }
    for (const node of await nodesOf(probe)) {
      const info = await node.client.info().catch(() => '');
      const clusterEnabled = field(info, 'cluster_enabled') === '1';
      if (clusterEnabled && !isClusterConnection(connection)) {
        throw new Error(redisClusterNodeGiven(check.option, node.address));
      }
      const policy = field(info, 'maxmemory_policy');
      if (check.queue && policy && policy !== 'noeviction') {
        (check.logger ?? new Logger('Mindoff')).warn(
          redisEvictionPolicy(check.option, node.address, policy),
        );
      }
    }
  } finally {
    probe.disconnect();
  }
}

/** Resolves 'ready', the first connection error (credentials refused, host down), or a timeout. */
function firstConnection(client: Redis, timeoutMs: number): Promise<'ready' | Error> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(new Error('no answer')), timeoutMs);
    const done = (outcome: 'ready' | Error) => {
      clearTimeout(timer);
      client.off('ready', ready).off('error', done).off('node error', done);
      resolve(outcome);
    };
    const ready = () => done('ready');
    client.once('ready', ready).on('error', done).on('node error', done);
  });
}

/** The client of each master: the one node, or every master of a Cluster. */
async function nodesOf(client: Redis): Promise<{ client: Redis; address: string }[]> {
  if (!isClusterClient(client)) {
    // Where the connection went (the master a sentinel named), else where it was told to go.
    const { remoteAddress, remotePort } = client.stream ?? {};
    const { host = '127.0.0.1', port = 6379 } = client.options;
    return [
      { client, address: remoteAddress ? `${remoteAddress}:${remotePort}` : `${host}:${port}` },
    ];
  }
  return (client as Cluster).nodes('master').map((node) => ({
    client: node,
    address: `${node.options.host}:${node.options.port}`,
  }));
}

function field(info: string, name: string): string | undefined {
  return new RegExp(`^${name}:(.*?)\\r?$`, 'm').exec(info)?.[1];
}
