import { Catch, Injectable, type ArgumentsHost } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { EnvelopeSender } from '../rendering/envelope.sender';
import { MindoffRoutes } from '../routing/mindoff-routes';
import { MindoffEnvelopeFilter } from './envelope.filter';
import { reachesRoute } from '../http/reached-route';

/**
 * The app-wide envelope filter of `envelope: 'all'`: it answers the exceptions of every route that
 * has no filter of its own in the envelope, as `@MindoffEnvelope()` would, malformed bodies
 * included, and a request under the app's global prefix (anywhere, without one) that reaches no
 * route with `ROUTE_NOT_FOUND`. Requests outside the prefix keep Nest's own answer. The app may
 * have no global filter of its own beside it (see `EnvelopeAllCheck`), so there is one shape.
 */
@Catch()
@Injectable()
export class MindoffGlobalEnvelopeFilter extends MindoffEnvelopeFilter {
  constructor(
    private readonly envelopes: EnvelopeSender,
    private readonly adapterHost: HttpAdapterHost,
    private readonly routes: MindoffRoutes,
  ) {
    super(envelopes, adapterHost);
  }

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return this.answerAsNest(exception, host);
    const request: unknown = host.getArgByIndex(0);
    const adapter = this.adapterHost.httpAdapter;
    if (reachesRoute(request, adapter)) return super.catch(exception, host);
    const response: unknown = host.getArgByIndex(1);
    const url = adapter.getRequestUrl(request) ?? '';
    if (!adapter.isHeadersSent(response) && this.underPrefix(url)) {
      this.envelopes.send(response, 'ROUTE_NOT_FOUND', 'danger', [], {});
      return undefined;
    }
    return this.answerAsNest(exception, host);
  }

  private underPrefix(url: string): boolean {
    const prefix = this.routes.globalPrefix().replace(/\/+$/, '').toLowerCase();
    if (!prefix) return true;
    const path = pathOf(url).toLowerCase();
    return path === prefix || path.startsWith(`${prefix}/`);
  }
}

/** The path of a request target (origin or absolute form), without query or fragment. */
function pathOf(url: string): string {
  try {
    return new URL(url, 'http://localhost').pathname;
  } catch {
    return url;
  }
}
