import { isRedisAuthError, isRedisUnavailable } from './redis-errors';

describe('isRedisUnavailable', () => {
  it.each([
    'MOVED 11971 127.0.0.1:7002',
    'ASK 3999 127.0.0.1:7001',
    'CLUSTERDOWN The cluster is down',
    'CLUSTERDOWN Hash slot not served',
    'TRYAGAIN Multiple keys request during rehashing of slot',
    "CROSSSLOT Keys in request don't hash to the same slot",
    "READONLY You can't write against a read only replica.",
    'LOADING Redis is loading the dataset in memory',
    'NOAUTH Authentication required.',
    'WRONGPASS invalid username-password pair or user is disabled.',
    'MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to no.',
    'Too many Cluster redirections. Last error: Error: Connection is closed.',
    "Cluster isn't ready and enableOfflineQueue options is false",
    'None of startup nodes is available',
    'Failed to refresh slots cache.',
    'All sentinels are unreachable. Retrying from scratch after 10ms.',
    'ERR Script attempted to access a non local key in a cluster node script',
    'connect ECONNREFUSED 127.0.0.1:7000',
    'Command timed out',
    "Stream isn't writeable and enableOfflineQueue options is false",
  ])('takes %j for a Redis that cannot answer now', (message) => {
    expect(isRedisUnavailable(new Error(message))).toBe(true);
  });

  it.each([
    'ERR wrong number of arguments for command',
    'WRONGTYPE Operation against a key holding the wrong kind of value',
    "Cannot read properties of undefined (reading 'id')",
  ])('takes %j for a fault of the call, not of Redis', (message) => {
    expect(isRedisUnavailable(new Error(message))).toBe(false);
  });

  it('ignores what is not an Error', () => {
    expect(isRedisUnavailable('MOVED 1 h:1')).toBe(false);
  });
});

describe('isRedisAuthError', () => {
  it('tells refused credentials from other errors', () => {
    expect(isRedisAuthError(new Error('WRONGPASS invalid username-password pair'))).toBe(true);
    expect(isRedisAuthError(new Error('NOAUTH Authentication required.'))).toBe(true);
    expect(isRedisAuthError(new Error('connect ECONNREFUSED'))).toBe(false);
  });
});
