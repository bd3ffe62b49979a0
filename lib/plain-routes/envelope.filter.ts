import { Catch, Injectable, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter, HttpAdapterHost } from '@nestjs/core';
import { EnvelopeSender } from '../rendering/envelope.sender';
import { routeEnvelopeError } from './route-envelope.error';

/**
 * Answers every exception of an enveloped route (`@MindoffEnvelope()`) with the catalog's
 * envelope: Nest's HTTP exceptions by status, ValidationPipe errors as `INVALID_PAYLOAD` with their
 * issues, ThrottlerGuard's as `API_RATE_LIMITED` (its `Retry-After` header stays), anything else as
 * `UNEXPECTED_ERR` (stack logged, never sent). Once the headers are out it leaves the response to
 * Nest, which ends it; outside HTTP (an RPC handler of a hybrid app) it leaves the exception to Nest.
 */
@Catch()
@Injectable()
export class MindoffEnvelopeFilter extends BaseExceptionFilter {
  constructor(
    private readonly sender: EnvelopeSender,
    private readonly adapters: HttpAdapterHost,
  ) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    const response: unknown = host.getArgByIndex(1);
    const adapter = this.adapters.httpAdapter;
    if (host.getType() !== 'http' || adapter.isHeadersSent(response)) {
      return this.answerAsNest(exception, host);
    }
    const requestId = this.sender.requestIdOf(host.getArgByIndex(0));
    const { code, category, data, headers } = routeEnvelopeError(exception, requestId);
    const retryAfter = code === 'API_RATE_LIMITED' ? retryAfterOf(adapter, response) : undefined;
    const details = retryAfter === undefined ? data : { retry_after_seconds: retryAfter };
    this.sender.send(response, code, category, details, headers);
    return undefined;
  }

  /**
   * What Nest does when no filter takes `exception`: its HTTP answer (or the end of a response
   * already under way); in other contexts `undefined`, which hands the exception back to Nest.
   */
  protected answerAsNest(exception: unknown, host: ArgumentsHost): unknown {
    return host.getType() === 'http' ? super.catch(exception, host) : undefined;
  }
}

/** The seconds of the `Retry-After` header a guard (e.g. ThrottlerGuard) already set, if any. */
function retryAfterOf(
  adapter: HttpAdapterHost['httpAdapter'],
  response: unknown,
): number | undefined {
  const value: unknown = adapter.getHeader(response, 'Retry-After');
  const seconds = typeof value === 'string' || typeof value === 'number' ? Number(value) : NaN;
  return Number.isFinite(seconds) ? seconds : undefined;
}
