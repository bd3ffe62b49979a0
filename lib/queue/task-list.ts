import type { TaskListQuery } from './queue-driver';
import type { TaskRecord } from './task.types';

/**
 * One page of an owner's tasks, as both drivers answer `list`: the owner's records that match the
 * query's id, status and API, newest first, and how many matched in all.
 */
export function pageOfTasks(
  records: Iterable<TaskRecord>,
  query: TaskListQuery,
): { tasks: TaskRecord[]; count: number } {
  const matching = [...records]
    .filter(
      (r) =>
        r.ownerId === query.ownerId &&
        (query.id === undefined || r.id === query.id) &&
        (query.status === undefined || r.status === query.status) &&
        (query.urlName === undefined || r.request.urlName === query.urlName),
    )
    .sort((a, b) => b.createdAt - a.createdAt);
  const start = (query.page - 1) * query.pageSize;
  return { tasks: matching.slice(start, start + query.pageSize), count: matching.length };
}
