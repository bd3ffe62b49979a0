import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { typeCheck } from '../../test/support/typecheck';

const IOREDIS = JSON.stringify(dirname(require.resolve('ioredis/package.json')));
const OPTIONS = JSON.stringify(join(__dirname, 'mindoff-module-options.interface'));
const STORAGE = JSON.stringify(join(__dirname, '..', 'throttling', 'redis-throttler.storage'));

// Compiled as an app would write it: every accepted form must compile, and each line under
// `@ts-expect-error` must be refused (an accepted one makes the directive itself an error).
const FIXTURE = `
import { Cluster, Redis } from ${IOREDIS};
import type { MindoffModuleOptions } from ${OPTIONS};
import { RedisThrottlerStorage } from ${STORAGE};

const cluster = new Cluster([{ host: '127.0.0.1', port: 7000 }], { redisOptions: { password: 'p' } });
const single = new Redis({ lazyConnect: true });

export const accepted: MindoffModuleOptions[] = [
  { queue: { connection: cluster }, rateLimit: { redis: cluster } },
  { queue: { connection: { cluster: [{ host: '10.0.0.1', port: 7000 }, 7001, 'h:7002'] } } },
  { rateLimit: { redis: { cluster: [{ host: '10.0.0.1', port: 7000 }], options: { scaleReads: 'master' } } } },
  { queue: { connection: { sentinels: [{ host: '10.0.0.5', port: 26379 }], name: 'mymaster', sentinelPassword: 's' } } },
  { queue: { connection: 'rediss://app:secret@redis.example.com:6380' }, rateLimit: { redis: { host: 'h', tls: { ca: 'PEM' }, username: 'app' } } },
  { queue: { connection: single } },
  { rateLimit: { storage: new RedisThrottlerStorage(cluster) } },
  { rateLimit: { storage: new RedisThrottlerStorage(single, { prefix: 'rl' }) } },
];

export const refused: MindoffModuleOptions[] = [
  // @ts-expect-error a port alone is not a connection
  { queue: { connection: 6379 } },
  // @ts-expect-error cluster nodes are a list
  { queue: { connection: { cluster: 'redis://10.0.0.1:7000' } } },
  // @ts-expect-error not an ioredis option
  { rateLimit: { redis: { hots: '10.0.0.1' } } },
  // @ts-expect-error a Cluster option is not a node option
  { rateLimit: { redis: { cluster: [7000], options: { commandTimeout: 'soon' } } } },
];

// @ts-expect-error a storage needs a client
export const noClient = new RedisThrottlerStorage('redis://127.0.0.1:6379');
`;

describe('the Redis connection option types', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'mindoff-redis-types-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accept an ioredis Cluster (instance or nodes), Sentinel, TLS and client forms, and refuse nonsense', () => {
    const file = join(dir, 'connections.ts');
    writeFileSync(file, FIXTURE);
    // Only the fixture's own diagnostics: the library is compiled with its own settings elsewhere.
    expect(typeCheck([file]).filter((line) => line.includes('connections.ts'))).toEqual([]);
  });
});
