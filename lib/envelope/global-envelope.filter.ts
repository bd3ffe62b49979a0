import { Catch, Injectable, type ArgumentsHost } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { EnvelopeSender } from '../rendering/envelope.sender';
import { MindoffEnvelopeFilter } from './envelope.filter';
import { passToEarlierFilters } from './global-filter-chain';
import { reachesRoute } from './reached-route';

/**
 * The app-wide envelope filter of `envelope: 'all'`: it answers the exceptions of every route that
 * has no filter of its own in the envelope, as `@MindoffEnvelope()` would, malformed bodies
 * included. Exceptions outside any route (an unknown path or method) go on to the global filters
 * registered before it (the app's own) and otherwise get Nest's own answer.
 */
@Catch()
@Injectable()
export class MindoffGlobalEnvelopeFilter extends MindoffEnvelopeFilter {
  constructor(
    sender: EnvelopeSender,
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
  ) {
    super(sender, adapterHost);
  }

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    const request: unknown = host.getArgByIndex(0);
    if (host.getType() === 'http' && reachesRoute(request, this.adapterHost.httpAdapter)) {
      return super.catch(exception, host);
    }
    const passed = passToEarlierFilters(this, this.moduleRef, exception, host);
    if (passed.handled) return passed.result;
    return this.answerAsNest(exception, host);
  }
}
