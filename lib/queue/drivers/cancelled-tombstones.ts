import type { Redis } from 'ioredis';
import type { TaskRecord } from '../task.types';

/** A cancelled task's record as kept, with the deduplication key a retry restores. */
export type Tombstone = TaskRecord & { dedupKey?: string };

/**
 * The BullMQ driver's records of tasks cancelled while queued: their job is removed, so a
 * tombstone (kept for the failed-task retention) answers reads, lists and retries. Owned tasks
 * are indexed per owner in a sorted set scored by expiry (only owned tasks are ever listed).
 */
export class CancelledTombstones {
  constructor(
    private readonly client: Redis,
    private readonly key: (...parts: string[]) => string,
    private readonly retentionMs: number,
  ) {}

  async write(record: TaskRecord, dedupKey: string | undefined): Promise<void> {
    const stored: Tombstone = { ...record, dedupKey };
    const write = this.client
      .multi()
      .set(this.key('cancelled', record.id), JSON.stringify(stored), 'PX', this.retentionMs);
    if (record.ownerId !== null) {
      write.zadd(
        this.key('cancelled-index', record.ownerId),
        Date.now() + this.retentionMs,
        record.id,
      );
    }
    await write.exec();
  }

  async drop(record: TaskRecord): Promise<void> {
    await this.client
      .multi()
      .del(this.key('cancelled', record.id))
      .zrem(this.key('cancelled-index', record.ownerId ?? ''), record.id)
      .exec();
  }

  async read(id: string): Promise<Tombstone | null> {
    const stored = await this.client.get(this.key('cancelled', id));
    return stored === null ? null : (JSON.parse(stored) as Tombstone);
  }

  /** The unexpired tombstones of `ownerId`. */
  async ofOwner(ownerId: string): Promise<Tombstone[]> {
    const index = this.key('cancelled-index', ownerId);
    await this.client.zremrangebyscore(index, 0, Date.now());
    const found: Tombstone[] = [];
    for (const id of await this.client.zrange(index, '0', '-1')) {
      const tombstone = await this.read(id);
      if (tombstone !== null) found.push(tombstone);
    }
    return found;
  }
}
