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

/** The part of a request kept beside its stored inputs (the drivers' views): what every read needs. */
export function requestHead(request: TaskRequest): TaskRequest {
  return {
    ...withoutInputs(request),
    ...(request.traceContext && { traceContext: request.traceContext }),
  };
}
