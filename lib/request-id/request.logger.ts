import { Logger } from '@nestjs/common';
import { currentRequestId } from './request-scope';

/**
 * Nest's `Logger` whose lines name the request (or task) they were written for:
 * `request_id=<id> <message>`. Outside of a request the line is left as it is.
 *
 * @example
 * new RequestLogger('Mindoff').error('boom'); // "request_id=4f1c… boom" while handling a request
 */
export class RequestLogger extends Logger {
  override log(message: unknown, ...rest: unknown[]): void {
    super.log(withRequestId(message), ...rest);
  }

  override error(message: unknown, ...rest: unknown[]): void {
    super.error(withRequestId(message), ...rest);
  }

  override warn(message: unknown, ...rest: unknown[]): void {
    super.warn(withRequestId(message), ...rest);
  }

  override debug(message: unknown, ...rest: unknown[]): void {
    super.debug(withRequestId(message), ...rest);
  }

  override verbose(message: unknown, ...rest: unknown[]): void {
    super.verbose(withRequestId(message), ...rest);
  }
}

function withRequestId(message: unknown): unknown {
  const requestId = currentRequestId();
  return requestId === undefined || typeof message !== 'string'
    ? message
    : `request_id=${requestId} ${message}`;
}
