/**
 * A log line about request (or task) `requestId`: `request_id=<id> <message>`; without an id the
 * line is left as it is. The id is passed by whoever logs (from the request, or the task's stored
 * id): nothing is kept per async context, which would cost every request on Node 20.
 *
 * @example
 * logger.error(forRequest(requestIdOf(request), 'boom')); // "request_id=4f1c… boom"
 */
export function forRequest(requestId: string | undefined, message: string): string {
  return requestId === undefined ? message : `request_id=${requestId} ${message}`;
}
