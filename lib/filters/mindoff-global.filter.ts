import { Catch, Injectable, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { MindoffRegistry } from '../registry/mindoff.registry';
import { EnvelopeSender } from '../rendering/envelope.sender';
import { QUEUE_ENDPOINTS, queueEndpointAt } from '../queue/queue-endpoints';
import { toEnvelopeError } from './to-envelope-error';

/**
 * Errors raised before a mindoff route runs (no route matched, fastify body errors) still get an
 * envelope when the path is under a mindoff app: an unknown version of a known API is
 * `INVALID_API_VERSION` with the available versions. Everything else keeps Nest's behaviour.
 */
@Catch()
@Injectable()
export class MindoffGlobalFilter extends BaseExceptionFilter {
  constructor(
    private readonly registry: MindoffRegistry,
    private readonly sender: EnvelopeSender,
  ) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return super.catch(exception, host);
    const http = host.switchToHttp();
    const request = http.getRequest<{ raw?: IncomingMessage } & IncomingMessage>();
    const url = (request.raw ?? request).url ?? '';
    const response = http.getResponse();
    const queueEndpoint = url.startsWith('/mindoff/queue/')
      ? queueEndpointAt(url.split('?')[0]!)
      : undefined;
    if (queueEndpoint) {
      if (exception instanceof NotFoundException) {
        const allowed = QUEUE_ENDPOINTS[queueEndpoint].method;
        return this.sender.send(
          response,
          'INVALID_METHOD',
          'danger',
          { allowed: [allowed], received: (request.raw ?? request).method },
          { Allow: allowed },
        );
      }
      const { code, category, data, headers } = toEnvelopeError(exception);
      return this.sender.send(response, code, category, data, headers);
    }
    if (exception instanceof NotFoundException) {
      const miss = this.registry.routes.explainMiss(url);
      if (miss.availableVersions) {
        return this.sender.send(
          response,
          'INVALID_API_VERSION',
          'danger',
          { available_versions: miss.availableVersions },
          {},
        );
      }
      if (miss.knownApp) return this.sender.send(response, 'ROUTE_NOT_FOUND', 'danger', [], {});
      return super.catch(exception, host);
    }
    if (this.registry.routes.match(url)) {
      const { code, category, data, headers } = toEnvelopeError(exception);
      return this.sender.send(response, code, category, data, headers);
    }
    return super.catch(exception, host);
  }
}
