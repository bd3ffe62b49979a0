import type { TaskRequest } from './task.types';

/**
 * What a completed task keeps of its request: which API and version it called and the id of the
 * request that enqueued it, not its inputs (payload, query, params, user), since no retry can
 * need them. Failed and cancelled tasks keep theirs for a retry, until their retention ends.
 */
export function withoutInputs(request: TaskRequest): TaskRequest {
  return {
    urlName: request.urlName,
    version: request.version,
    payload: null,
    query: {},
    params: {},
    user: null,
    requestId: request.requestId,
  };
}
