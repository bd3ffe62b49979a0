import type { Redis } from 'ioredis';
import type { TaskRecord } from '../task.types';

/** A task's record kept outside BullMQ, with the deduplication key a retry restores. */
export interface KeptRecord {
  record: TaskRecord;
  dedupKey?: string;
}

/**
 * The BullMQ driver's records of tasks whose job was removed: cancelled while queued, or failed
 * and being retried (the job is replaced, so the record answers reads meanwhile, and stays if an
 * identical task is in flight). Kept for the failed-task retention; a retry reads them back.
 */
export class KeptRecords {
  constructor(
    private readonly client: Redis,
    private readonly key: (...parts: string[]) => string,
    private readonly retentionMs: number,
  ) {}

  async write(record: TaskRecord, dedupKey: string | undefined): Promise<void> {
    const kept: KeptRecord = { record, dedupKey };
    await this.client.set(
      this.key('kept', record.id),
      JSON.stringify(kept),
      'PX',
      this.retentionMs,
    );
  }

  async drop(id: string): Promise<void> {
    await this.client.del(this.key('kept', id));
  }

  async read(id: string): Promise<KeptRecord | null> {
    const stored = await this.client.get(this.key('kept', id));
    return stored === null ? null : (JSON.parse(stored) as KeptRecord);
  }
}
