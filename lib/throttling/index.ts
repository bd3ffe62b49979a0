export { RATE_PATTERN, isValidRate, parseRate, type Rate } from './rate';
export { toThrottlerRecord, type ThrottlerStorageRecord } from './throttler-record';
export {
  MemoryThrottlerStorage,
  type MemoryThrottlerStorageOptions,
} from './memory-throttler.storage';
export {
  DEFAULT_REDIS_THROTTLER_PREFIX,
  RedisThrottlerStorage,
  createRedisThrottlerStorage,
  type RedisThrottlerStorageOptions,
} from './redis-throttler.storage';
export { rateLimitPolicy, type RateLimitPolicy } from './rate-limit-policy';
