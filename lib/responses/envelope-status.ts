import type { Category, EnvelopeStatus } from './envelope.interface';

/**
 * Whether `httpStatus` can carry an envelope: an integer in 200-299 or 400-599. 1xx and 3xx
 * answers have no body a client would read as an envelope.
 */
export function isEnvelopeHttpStatus(httpStatus: number): boolean {
  return (
    Number.isInteger(httpStatus) &&
    ((httpStatus >= 200 && httpStatus <= 299) || (httpStatus >= 400 && httpStatus <= 599))
  );
}

/** The envelope status of an HTTP status: 2xx `ok`, 4xx `fail`, 5xx `exception`. */
export function envelopeStatusFor(httpStatus: number): EnvelopeStatus {
  if (httpStatus >= 500) return 'exception';
  if (httpStatus >= 400) return 'fail';
  return 'ok';
}

/** The category used when the caller gives none: `success` for 2xx, `danger` otherwise. */
export function defaultCategoryFor(httpStatus: number): Category {
  return httpStatus >= 200 && httpStatus <= 299 ? 'success' : 'danger';
}
