import { HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { MindoffValidationError, type Category } from '../responses';
import { BrokerUnavailableError } from './broker-unavailable.error';
import { MindoffHttpError } from './mindoff-http.error';
import { forRequest } from '../request-id/request.logger';

/** What an exception becomes: a catalog code, its category, data and extra headers. */
export interface EnvelopeError {
  code: string;
  category?: Category;
  data: unknown;
  headers: Record<string, string>;
}

const BY_STATUS: Readonly<Record<number, string>> = {
  400: 'VALIDATION_ERR',
  401: 'NOT_AUTHENTICATED',
  403: 'PERMISSION_DENIED',
  // A thrown NotFoundException is a missing resource; ROUTE_NOT_FOUND is for paths no route serves.
  404: 'RESOURCE_NOT_FOUND',
  405: 'INVALID_METHOD',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  410: 'GONE',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'API_RATE_LIMITED',
  501: 'NOT_IMPLEMENTED',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

/**
 * The catalog code of an `HttpException` by its status, keeping its meaning (Nest's built-in
 * exceptions each have one); another 4xx is `VALIDATION_ERR`, another 5xx `UNEXPECTED_ERR`.
 */
export function codeForStatus(status: number): string {
  return BY_STATUS[status] ?? (status >= 400 && status < 500 ? 'VALIDATION_ERR' : 'UNEXPECTED_ERR');
}

const FRAMEWORK_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON: 'MALFORMED_PAYLOAD',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_PAYLOAD',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_PAYLOAD',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_PAYLOAD',
  'entity.parse.failed': 'MALFORMED_PAYLOAD',
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
};

const logger = new Logger('Mindoff');

/**
 * Maps anything thrown on a mindoff route to an envelope error: mindoff's own errors keep their
 * code; an unreachable queue broker is `QUEUE_SERVICE_UNAVAILABLE`; Nest HTTP exceptions, throttler and body-parser/fastify errors map by kind; anything else
 * is `UNEXPECTED_ERR`, logged with its stack (which never reaches the client).
 */
export function toEnvelopeError(exception: unknown, requestId?: string): EnvelopeError {
  if (exception instanceof MindoffHttpError) {
    return {
      code: exception.code,
      category: exception.category,
      data: exception.data,
      headers: exception.headers,
    };
  }
  if (exception instanceof MindoffValidationError) {
    const { code, category, data } = exception as MindoffValidationError;
    return { code, category, data: data ?? [], headers: {} };
  }
  // The queue's broker could not be reached (a driver call on any queue path).
  if (exception instanceof BrokerUnavailableError)
    return { code: 'QUEUE_SERVICE_UNAVAILABLE', data: [], headers: {} };
  // The app's own ThrottlerGuard (it has already set Retry-After on the response).
  if (exception instanceof ThrottlerException)
    return { code: 'API_RATE_LIMITED', category: 'warning', data: [], headers: {} };
  const framework = frameworkCode(exception) ?? frameworkClientError(exception);
  if (framework) return { code: framework, data: [], headers: {} };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = BY_STATUS[status];
    if (code) return { code, data: [], headers: {} };
    if (status < 500) return { code: 'VALIDATION_ERR', data: [], headers: {} };
  }
  logger.error(
    forRequest(
      requestId,
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    ),
  );
  return { code: 'UNEXPECTED_ERR', data: [], headers: {} };
}

/**
 * The code of a body parser's or fastify's own error (`MALFORMED_PAYLOAD`, `PAYLOAD_TOO_LARGE`,
 * `UNSUPPORTED_MEDIA_TYPE`), looked up on the error and its causes; `undefined` for any other.
 */
export function frameworkCode(exception: unknown): string | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { code, type, cause } = exception as { code?: unknown; type?: unknown; cause?: unknown };
  const own = FRAMEWORK_CODES[String(code)] ?? FRAMEWORK_CODES[String(type)];
  return own ?? (cause && cause !== exception ? frameworkCode(cause) : undefined);
}

/**
 * Any other refusal of the HTTP layer itself (a fastify `FST_ERR_*` or a body parser's error) that
 * carries a 4xx status: the client's fault, answered by the status's kind, never a 500.
 */
function frameworkClientError(exception: unknown): string | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { code, type, statusCode, status } = exception as Record<string, unknown>;
  const fromFramework =
    (typeof code === 'string' && code.startsWith('FST_ERR_')) || typeof type === 'string';
  const httpStatus = typeof statusCode === 'number' ? statusCode : status;
  if (!fromFramework || typeof httpStatus !== 'number') return undefined;
  return httpStatus >= 400 && httpStatus < 500 ? codeForStatus(httpStatus) : undefined;
}
