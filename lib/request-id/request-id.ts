import { flatRandomUuid } from './flat-uuid';

/**
 * What an incoming request id must look like to be kept: 1–128 characters of letters, digits and
 * `._:-`. Anything else (spaces, control characters, a CR/LF header-injection attempt, a list of
 * values, an over-long value) is replaced, so the id is always safe to echo and to log.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The span attribute that records the request id (on the request span and on a task's span). */
export const REQUEST_ID_ATTRIBUTE = 'mindoff.request_id';

/** Whether `value` is a request id mindoff keeps as it came. */
export function isSaneRequestId(value: unknown): value is string {
  return typeof value === 'string' && SANE_REQUEST_ID.test(value);
}

/**
 * The id of a request: the incoming header's value when it is trusted and sane, otherwise a new
 * UUID.
 *
 * @example
 * pickRequestId('abc-123', true); // 'abc-123'
 * pickRequestId('a b', true); // a new UUID
 */
export function pickRequestId(incoming: unknown, trust: boolean): string {
  return trust && isSaneRequestId(incoming) ? incoming : flatRandomUuid();
}
