import type { QueueDriver, TaskListQuery } from './queue-driver';
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

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

/** The list endpoint's page, read from its query (`page`, `page_size`, `id`, `job_status`, `api_url_name`). */
export interface ListPage {
  tasks: TaskRecord[];
  count: number;
  page: number;
  page_size: number;
  total_pages: number;
  has_next: boolean;
  has_previous: boolean;
}

/**
 * The owner's tasks on the page the query asks for (a page past the end is the last page); an
 * anonymous caller (`owner` null) has none.
 */
export async function listPage(
  driver: Pick<QueueDriver, 'list'>,
  owner: string | null,
  query: Record<string, unknown>,
): Promise<ListPage> {
  const pageSize = clamp(integer(query.page_size) ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  let page = Math.max(1, integer(query.page) ?? 1);
  let found: { tasks: TaskRecord[]; count: number } = { tasks: [], count: 0 };
  if (owner !== null) {
    const filters = {
      id: text(query.id),
      status: text(query.job_status),
      urlName: text(query.api_url_name),
    };
    const read = (p: number) => driver.list({ ownerId: owner, ...filters, page: p, pageSize });
    found = await read(page);
    const last = Math.max(1, Math.ceil(found.count / pageSize));
    if (page > last) {
      page = last;
      found = await read(page);
    }
  }
  const totalPages = Math.max(1, Math.ceil(found.count / pageSize));
  return {
    tasks: found.tasks,
    count: found.count,
    page,
    page_size: pageSize,
    total_pages: totalPages,
    has_next: page < totalPages,
    has_previous: page > 1,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function integer(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
