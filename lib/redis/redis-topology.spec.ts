import { Cluster, Redis } from 'ioredis';
import { hashTag, isClusterConnection } from './redis-topology';

describe('hashTag', () => {
  it.each([
    ['{mindoff}:mindoff:wait', 'mindoff'],
    ['app:{orders}:mindoff:owner:1', 'orders'],
    ['mindoff:rl:api:{user:1}', 'user:1'],
    ['{}:x:{y}', undefined],
    ['mindoff:mindoff:wait', undefined],
    ['mindoff:{open', undefined],
  ])('places %j by %j, as Redis Cluster does', (key, tag) => {
    expect(hashTag(key)).toBe(tag);
  });
});

describe('isClusterConnection', () => {
  it('knows a Cluster client and the { cluster } form from one node, Sentinel and URLs', () => {
    const cluster = new Cluster([7000], { lazyConnect: true });
    const single = new Redis({ lazyConnect: true });
    try {
      expect(isClusterConnection(cluster)).toBe(true);
      expect(isClusterConnection({ cluster: [7000] })).toBe(true);
      expect(isClusterConnection(single)).toBe(false);
      expect(isClusterConnection({ sentinels: [{ port: 26379 }], name: 'm' })).toBe(false);
      expect(isClusterConnection('redis://127.0.0.1:7000')).toBe(false);
      expect(isClusterConnection(undefined)).toBe(false);
    } finally {
      cluster.disconnect();
      single.disconnect();
    }
  });
});
