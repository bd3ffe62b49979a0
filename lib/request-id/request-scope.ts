import { AsyncLocalStorage } from 'node:async_hooks';

/** What mindoff keeps for the request (or task) it is working for. */
interface RequestScopeStore {
  readonly requestId: string;
}

// One store for the whole library: entered where a request's id is assigned (the adapter hooks)
// and where a worker starts a task, so code without the request at hand (error mapping, the
// logger) still knows whose work it is doing.
const scope = new AsyncLocalStorage<RequestScopeStore>();

/** Runs `work` as part of the request (or task) `requestId`. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return scope.run({ requestId }, work);
}

/** The id of the request (or task) the current code runs for, or undefined outside of one. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}
