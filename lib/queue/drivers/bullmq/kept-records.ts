import type { Redis } from 'ioredis';
import type { TaskRecord, TaskRequest } from '../../task.types';
import { requestHead } from '../../task-inputs';

/** A task's record kept outside BullMQ, with the deduplication key a retry restores. */
export interface KeptRecord {
  record: TaskRecord;
  dedupKey?: string;
}

type Inputs = Pick<TaskRequest, 'payload' | 'query' | 'params' | 'user'>;

/**
 * The BullMQ driver's records of tasks whose job was removed: cancelled while queued, or failed
 * and being retried (the job is replaced, so the record answers reads meanwhile, and stays if an
 * identical task is in flight). Kept for the failed-task retention; a retry reads them back.
 * Each is one hash: the record without its inputs (what a read answers, so a read does not parse
 * the payload) and the inputs beside it (what only a retry needs).
 */
export class KeptRecords {
  constructor(
    private readonly client: Redis,
    private readonly key: (...parts: string[]) => string,
    private readonly retentionMs: number,
  ) {}

  async write(record: TaskRecord, dedupKey: string | undefined): Promise<void> {
    const { payload, query, params, user } = record.request;
    const view: KeptRecord = {
      record: { ...record, request: requestHead(record.request) },
      dedupKey,
    };
    const inputs: Inputs = { payload, query, params, user };
    const key = this.key('kept', record.id);
    const results = await this.client
      .multi()
      .hset(key, 'view', JSON.stringify(view), 'inputs', JSON.stringify(inputs))
      .pexpire(key, this.retentionMs)
      .exec();
    const failed = results?.find(([error]) => error !== null)?.[0];
    if (failed) throw failed;
  }

  async drop(id: string): Promise<void> {
    await this.client.del(this.key('kept', id));
  }

  /** The record as a read answers it, without its inputs. */
  async read(id: string): Promise<KeptRecord | null> {
    const view = await this.client.hget(this.key('kept', id), 'view');
    return view === null ? null : (JSON.parse(view) as KeptRecord);
  }

  /** The record with its inputs, as a retry queues it again. */
  async readWhole(id: string): Promise<KeptRecord | null> {
    const [view, inputs] = await this.client.hmget(this.key('kept', id), 'view', 'inputs');
    if (view == null) return null;
    const kept = JSON.parse(view) as KeptRecord;
    if (inputs != null) Object.assign(kept.record.request, JSON.parse(inputs) as Inputs);
    return kept;
  }
}
