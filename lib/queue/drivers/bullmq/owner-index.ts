import type { Redis } from 'ioredis';

/** An index entry younger than this may belong to a job still being added: never pruned. */
const ADD_GRACE_MS = 60_000;

/**
 * The BullMQ driver's per-owner index of tasks (only owned tasks are listed): a sorted set of the
 * owner's task ids by creation time, so a page of the list costs O(page), and a sorted set of
 * when finished tasks expire, so expired ones leave the index without scanning it.
 */
export class OwnerIndex {
  constructor(
    private readonly client: Redis,
    private readonly key: (...parts: string[]) => string,
  ) {}

  /** Written before the job itself (a failed add leaves an entry that `prune` removes). */
  async add(ownerId: string, id: string, createdAt: number): Promise<void> {
    await this.client.zadd(this.key('owner', ownerId), createdAt, id);
  }

  /** The task finished (or was set aside): it leaves the index at `at` unless retried before. */
  async expireAt(ownerId: string, id: string, at: number): Promise<void> {
    await this.client.zadd(this.key('owner-expiry', ownerId), at, id);
  }

  /** The task is live again (retried): it no longer expires. */
  async keep(ownerId: string, id: string): Promise<void> {
    await this.client.zrem(this.key('owner-expiry', ownerId), id);
  }

  /** Removes expired tasks; then the owner's count and the ids of one page, newest first. */
  async page(ownerId: string, start: number, count: number) {
    await this.removeExpired(ownerId);
    const [total, ids] = await Promise.all([
      this.client.zcard(this.key('owner', ownerId)),
      this.client.zrevrange(this.key('owner', ownerId), start, start + count - 1),
    ]);
    return { total, ids };
  }

  /** Every unexpired id of the owner, newest first. */
  async all(ownerId: string): Promise<string[]> {
    await this.removeExpired(ownerId);
    return this.client.zrevrange(this.key('owner', ownerId), 0, -1);
  }

  /** Whether `id` is one of the owner's tasks. */
  async has(ownerId: string, id: string): Promise<boolean> {
    return (await this.client.zscore(this.key('owner', ownerId), id)) !== null;
  }

  /** Drops entries whose task is gone (no job, no kept record), unless just written. */
  async prune(ownerId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const scores = await this.client.zmscore(this.key('owner', ownerId), ...ids);
    const old = ids.filter((_, i) => Number(scores[i] ?? 0) < Date.now() - ADD_GRACE_MS);
    if (old.length > 0) await this.client.zrem(this.key('owner', ownerId), ...old);
  }

  private async removeExpired(ownerId: string): Promise<void> {
    const expiry = this.key('owner-expiry', ownerId);
    const expired = await this.client.zrangebyscore(expiry, 0, Date.now());
    if (expired.length === 0) return;
    await this.client
      .multi()
      .zrem(this.key('owner', ownerId), ...expired)
      .zrem(expiry, ...expired)
      .exec();
  }
}
