import type { MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { ProgressChange, QueueDriver } from '../queue-driver';
import { streamState } from './task-view';
import { TERMINAL_STATUSES, type TaskRecord } from '../task.types';

export interface StatusStreamOptions {
  heartbeatMs: number;
  /** The `Last-Event-ID` the client resumes from: states not newer than it are not sent again. */
  lastEventId?: number;
  /** Runs once when the stream ends, however it ends (slot release). */
  release: () => void;
}

/**
 * A task's states as Server-Sent Events, pushed by the driver as they change: each event's
 * `id` is the state's update time (so `Last-Event-ID` resumes), a heartbeat comment keeps
 * proxies from closing an idle stream, and the stream completes after a terminal state.
 */
export function statusStream(
  driver: QueueDriver,
  first: TaskRecord,
  options: StatusStreamOptions,
): Observable<MessageEvent> {
  return new Observable<MessageEvent>((subscriber) => {
    let lastId = options.lastEventId ?? 0;
    // A client resuming from an id at or after this state has seen it already.
    let lastSent: string | undefined =
      options.lastEventId !== undefined && first.updatedAt <= options.lastEventId
        ? stateKey(first)
        : undefined;
    let chain = Promise.resolve();
    let done = false;
    let current = first;
    const send = (task: TaskRecord | null) => {
      if (done) return;
      if (task === null) {
        done = true;
        subscriber.complete();
        return;
      }
      current = task;
      // Sent when the state differs from the last one sent (times alone can tie or, across
      // machines, go backwards); ids only ever grow on one stream.
      const key = stateKey(task);
      if (key !== lastSent) {
        lastSent = key;
        lastId = Math.max(task.updatedAt, lastId + 1);
        subscriber.next({ id: String(lastId), data: streamState(task) });
      }
      if (TERMINAL_STATUSES.has(task.status)) {
        done = true;
        subscriber.complete();
      }
    };
    // Changes are handled one at a time, in the order they arrived: a checkpoint is sent as it was
    // reported; any other change (and the heartbeat) re-reads the task.
    const refresh = (change?: ProgressChange) => {
      chain = chain
        .then(() => {
          if (done) return null;
          if (!change) return driver.get(first.id);
          // Older than what a read already showed: nothing new.
          if (change.at < current.updatedAt) return current;
          return {
            ...current,
            status: 'running' as const,
            progress: change.progress,
            updatedAt: Math.max(change.at, current.updatedAt),
          };
        })
        .then(send, (error: unknown) => {
          done = true;
          subscriber.error(error);
        });
    };
    const unsubscribe = driver.subscribe(first.id, refresh);
    // The heartbeat also re-reads the task: a safety net should an event have been missed.
    const heartbeat = setInterval(() => {
      subscriber.next({ comment: 'heartbeat' });
      refresh();
    }, options.heartbeatMs);
    send(first);
    // A change between the first read and the subscription is not missed.
    refresh();
    return () => {
      done = true;
      clearInterval(heartbeat);
      unsubscribe();
      options.release();
    };
  });
}

function stateKey(task: TaskRecord): string {
  return JSON.stringify([task.status, task.cancelRequested, task.progress]);
}
