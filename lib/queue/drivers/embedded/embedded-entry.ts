import type { TaskRecord } from '../../task.types';
import { readOnDemand, type StoredJson } from './stored-json';
import type { StoredInputs } from './task-inputs-store';

/**
 * What one record costs the embedded driver beyond its inputs or result (the record, its progress,
 * its map entries): counted so that many small tasks stay inside the budget too.
 */
export const RECORD_BYTES = 512;

/**
 * One task in the embedded driver's memory: its record without inputs or result (small, changed in
 * place), the inputs as the bytes they were serialized to while a run or a retry can need them, and
 * the stored result as bytes once it completed.
 */
export interface Entry {
  record: TaskRecord;
  inputs?: StoredInputs;
  response?: { httpStatus: number; body: StoredJson<unknown> };
  dedupKey?: string;
  controller?: AbortController;
  expiry?: NodeJS.Timeout;
}

/**
 * A task as a read answers it: a fresh copy of the small record, with the inputs and the stored
 * result parsed only if the reader reads them. A detail, a list or a heartbeat costs its answer,
 * not the task's payload.
 */
export function entryView(entry: Entry): TaskRecord {
  const { record } = entry;
  const head = record.request;
  const request = entry.inputs ? entry.inputs.view(head) : { ...head };
  const task: TaskRecord = { ...record, request, progress: { ...record.progress } };
  if (record.error) task.error = { ...record.error };
  if (entry.response) {
    const { httpStatus, body } = entry.response;
    task.response = readOnDemand({ httpStatus, body: undefined as unknown }, 'body', () =>
      body.read(),
    );
  }
  return task;
}

/** The task as its worker runs it: the inputs parsed once, for this run only. */
export function entryToRun(entry: Entry): TaskRecord {
  const task = entryView(entry);
  if (entry.inputs) task.request = entry.inputs.parsed(entry.record.request);
  return task;
}
