import { HttpException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { STATUS_CODES } from 'node:http';
import {
  codeForStatus,
  frameworkCode,
  toEnvelopeError,
  type EnvelopeError,
} from '../errors/to-envelope-error';
import { validationPipeIssues } from './validation-pipe.issues';

/**
 * Maps what an enveloped (plain) route threw to its envelope error. An `HttpException` maps by
 * status to the code of its meaning (`NotFoundException` is `RESOURCE_NOT_FOUND`, `Conflict` is
 * `CONFLICT`, `ServiceUnavailable` is `SERVICE_UNAVAILABLE`...), keeping the message the app gave
 * it as `data.detail`; a `ValidationPipe`'s is
 * `INVALID_PAYLOAD` with every issue as `data`; a `ThrottlerException` is `API_RATE_LIMITED`.
 * Everything else is mapped as on mindoff's own routes: body parser errors map by kind (also when
 * Nest wrapped them), mindoff's errors keep their code, the rest is `UNEXPECTED_ERR` with its stack
 * logged, never sent.
 *
 * @example
 * routeEnvelopeError(new NotFoundException('No order o_9')); // RESOURCE_NOT_FOUND, { detail: 'No order o_9' }
 */
export function routeEnvelopeError(exception: unknown, requestId?: string): EnvelopeError {
  if (exception instanceof ThrottlerException) {
    return { code: 'API_RATE_LIMITED', category: 'warning', data: [], headers: {} };
  }
  const bodyError = bodyErrorCode(exception);
  if (bodyError) return { code: bodyError, data: [], headers: {} };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = codeForStatus(status);
    if (status >= 400 && status < 500) {
      const issues = validationPipeIssues(exception.getResponse());
      if (issues) return { code: 'INVALID_PAYLOAD', data: issues, headers: {} };
    }
    // A 5xx the app chose (ServiceUnavailableException('maintenance')) keeps its meaning too;
    // a plain 500 is unexpected, logged and never described.
    if (status >= 400 && code !== 'UNEXPECTED_ERR') {
      const detail = detailOf(exception, status);
      return { code, data: detail ? { detail } : [], headers: {} };
    }
  }
  return toEnvelopeError(exception, requestId);
}

/** The code of a body the framework refused, also when Nest wrapped its error in an HttpException. */
function bodyErrorCode(exception: unknown): string | undefined {
  return frameworkCode(exception);
}

/** The message the app gave the exception, unless it is only the status's standard phrase. */
function detailOf(exception: HttpException, status: number): string | undefined {
  const response = exception.getResponse();
  const message =
    typeof response === 'string' ? response : (response as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message !== STATUS_CODES[status] ? message : undefined;
}
