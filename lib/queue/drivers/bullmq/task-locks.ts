import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Deletes the lock only if it still holds this holder's token. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
/** A lock left by a crashed process frees itself after this long. */
const LOCK_TTL_MS = 10_000;

/**
 * One change of a task at a time across every process on the Redis (cancel, retry): a task's
 * lock is a key set only when absent, with a token so only its holder releases it. Concurrent
 * changes of one task wait their turn, so each sees the state the previous one left (a request's
 * own time budget bounds the wait).
 */
export class TaskLocks {
  constructor(
    private readonly client: Redis,
    private readonly key: (...parts: string[]) => string,
  ) {}

  async run<T>(id: string, work: () => Promise<T>): Promise<T> {
    const key = this.key('lock', id);
    const token = randomUUID();
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      if ((await this.client.set(key, token, 'PX', LOCK_TTL_MS, 'NX')) === 'OK') break;
      await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * wait));
    }
    try {
      return await work();
    } finally {
      await this.client.eval(RELEASE, 1, key, token).catch(() => undefined);
    }
  }
}
