import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { killRedis, launchRedis, sparePort } from './redis-server';
import { waitUntil } from './wait-until';

/** A master, its replica and one sentinel watching them (quorum 1), all the test's own. */
export interface PrivateSentinelSet {
  /** What ioredis is given: `{ sentinels, name, sentinelPassword, password }`. */
  sentinels: { host: string; port: number }[];
  name: string;
  /** The sentinel's own password (`requirepass` of the sentinel). */
  sentinelPassword: string;
  /** The password of the master and the replica. */
  password: string;
  /** The port of the master the sentinel names now. */
  master(): Promise<number>;
  /** Kills (SIGKILL) the server on `port`. */
  kill(port: number): Promise<void>;
  /** Resolves once the sentinel names a master other than `port` and that master takes writes. */
  failedOver(port: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the set, every server behind a password (the sentinel's own differs); the sentinel fails
 * a master over once it has not answered for 1 s.
 */
export async function startSentinelSet(): Promise<PrivateSentinelSet> {
  const dir = mkdtempSync(join(tmpdir(), 'mindoff-sentinel-'));
  const [masterPort, replicaPort, sentinelPort] = [
    await sparePort(),
    await sparePort(),
    await sparePort(),
  ];
  const name = 'mindoff-main';
  const [password, sentinelPassword] = ['node-secret-1', 'sentinel-secret-1'];
  const node = (port: number, extra: string[] = []) =>
    launchRedis(port, [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
      ...['--requirepass', password, '--masterauth', password, ...extra],
    ]);
  const children = new Map<number, ChildProcess>();
  children.set(masterPort, await node(masterPort));
  children.set(
    replicaPort,
    await node(replicaPort, ['--replicaof', '127.0.0.1', String(masterPort)]),
  );
  const config = join(dir, 'sentinel.conf');
  writeFileSync(
    config,
    [
      `port ${sentinelPort}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      `requirepass ${sentinelPassword}`,
      `sentinel monitor ${name} 127.0.0.1 ${masterPort} 1`,
      `sentinel auth-pass ${name} ${password}`,
      `sentinel down-after-milliseconds ${name} 1000`,
      `sentinel failover-timeout ${name} 10000`,
      '',
    ].join('\n'),
  );
  children.set(sentinelPort, await launchRedis(sentinelPort, [config, '--sentinel']));
  const sentinel = new Redis(sentinelPort, '127.0.0.1', {
    maxRetriesPerRequest: 0,
    password: sentinelPassword,
  });
  sentinel.on('error', () => undefined);
  const master = async () => {
    const [, port] = (await sentinel.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name)) as string[];
    return Number(port);
  };
  const takesWrites = async (port: number) => {
    const client = new Redis(port, '127.0.0.1', {
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      password,
    });
    client.on('error', () => undefined);
    try {
      await client.set('mindoff-sentinel-probe', '1');
      return true;
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  };
  // The replica has synced and the sentinel has found it: a failover can happen from now on.
  await waitUntil(
    async () => {
      const replicas = (await sentinel.call('SENTINEL', 'REPLICAS', name)) as string[][];
      return replicas.some((fields) => fields.join(' ').includes('master-link-status ok'));
    },
    { everyMs: 100, attempts: 300 },
  );
  return {
    sentinels: [{ host: '127.0.0.1', port: sentinelPort }],
    name,
    sentinelPassword,
    password,
    master,
    kill: (port) => killRedis(children.get(port)!),
    failedOver: (port) =>
      waitUntil(
        async () => {
          const now = await master().catch(() => port);
          return now !== port && (await takesWrites(now));
        },
        { everyMs: 100, attempts: 300 },
      ),
    close: async () => {
      sentinel.disconnect();
      await Promise.all([...children.values()].map(killRedis));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
