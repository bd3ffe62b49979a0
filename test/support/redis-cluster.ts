import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { killRedis, launchRedis, sparePort } from './redis-server';
import { waitUntil } from './wait-until';

/** A Redis Cluster of the test's own: 3 masters and 3 replicas on spare loopback ports. */
export interface PrivateRedisCluster {
  /** The startup nodes to give ioredis (`new Cluster(nodes)` or `{ cluster: nodes }`). */
  nodes: { host: string; port: number }[];
  /** The port of the live master that holds `key`'s slot. */
  masterOf(key: string): Promise<number>;
  /** Kills (SIGKILL) the server on `port`, as a crash would. */
  kill(port: number): Promise<void>;
  /** Resolves once a live master other than `port` holds `key`'s slot, and every live node says ok. */
  failedOver(port: number, key: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts 6 `redis-server --cluster-enabled yes` nodes and joins them with
 * `redis-cli --cluster create … --cluster-replicas 1`; a node that stops answering is failed over
 * by its replica after `--cluster-node-timeout` (1 s here).
 */
export async function startRedisCluster(): Promise<PrivateRedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'mindoff-cluster-'));
  const ports: number[] = [];
  for (let i = 0; i < 6; i++) ports.push(await sparePort());
  const children = new Map<number, ChildProcess>();
  await Promise.all(
    ports.map(async (port) => {
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir];
      args.push('--cluster-enabled', 'yes', '--cluster-node-timeout', '1000');
      // A replica takes over however long ago it last heard its master (the test kills masters).
      args.push('--cluster-replica-validity-factor', '0');
      args.push('--cluster-config-file', `nodes-${port}.conf`);
      children.set(port, await launchRedis(port, args));
    }),
  );
  const addresses = ports.map((port) => `127.0.0.1:${port}`);
  await promisify(execFile)('redis-cli', [
    '--cluster',
    'create',
    ...addresses,
    '--cluster-replicas',
    '1',
    '--cluster-yes',
  ]);
  const admin = (port: number) => new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 0 });
  const live = () =>
    ports.filter((port) => {
      const child = children.get(port)!;
      return child.exitCode === null && child.signalCode === null;
    });
  const clusterOk = async (port: number) => {
    const client = admin(port);
    client.on('error', () => undefined);
    try {
      return /cluster_state:ok/.test(String(await client.call('CLUSTER', 'INFO')));
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  };
  const ownerOf = async (key: string): Promise<number | undefined> => {
    const client = admin(live()[0]);
    client.on('error', () => undefined);
    try {
      const slot = Number(await client.call('CLUSTER', 'KEYSLOT', key));
      const nodes = String(await client.call('CLUSTER', 'NODES'))
        .trim()
        .split('\n');
      for (const line of nodes) {
        const [, address, flags, , , , , state, ...ranges] = line.split(' ');
        if (!flags.includes('master') || flags.includes('fail') || state !== 'connected') continue;
        const served = ranges.some((range) => {
          const [from, to = from] = range.split('-').map(Number);
          return slot >= from && slot <= to;
        });
        if (served) return Number(address.split(':')[1].split('@')[0]);
      }
      return undefined;
    } finally {
      client.disconnect();
    }
  };
  const everyNodeOk = async () => (await Promise.all(live().map(clusterOk))).every(Boolean);
  // Every slot served and every replica in sync with its master: a failover can happen now.
  const replicasInSync = async () => {
    const states = await Promise.all(
      ports.map(async (port) => {
        const client = admin(port);
        try {
          const info = await client.info('replication');
          return !info.includes('role:slave') || info.includes('master_link_status:up');
        } finally {
          client.disconnect();
        }
      }),
    );
    return states.every(Boolean);
  };
  await waitUntil(async () => (await everyNodeOk()) && (await replicasInSync()), {
    everyMs: 100,
    attempts: 300,
  });
  return {
    nodes: ports.map((port) => ({ host: '127.0.0.1', port })),
    masterOf: async (key) => {
      const port = await ownerOf(key);
      if (port === undefined) throw new Error(`no live master holds ${key}`);
      return port;
    },
    kill: (port) => killRedis(children.get(port)!),
    failedOver: (port, key) =>
      waitUntil(
        async () => {
          const owner = await ownerOf(key).catch(() => undefined);
          return owner !== undefined && owner !== port && (await everyNodeOk());
        },
        { everyMs: 100, attempts: 300 },
      ),
    close: async () => {
      await Promise.all([...children.values()].map(killRedis));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
