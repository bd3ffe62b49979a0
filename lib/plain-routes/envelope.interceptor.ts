import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { map, type Observable } from 'rxjs';
import { EnvelopeSender } from '../rendering/envelope.sender';
import { ResultRenderer } from '../rendering/result.renderer';
import { RequestIds } from '../request-id/request-ids';
import { MindoffResponse } from '../responses';
import { MINDOFF_ENVELOPED } from './envelope.constants';
import { EnvelopeRoutes, type EnvelopeRoute } from './envelope-route';
import { isRawBody } from './raw-body';

/**
 * Answers what a plain route handler returns in the envelope: a value becomes `data` of `SUCCESS`
 * (with the catalog's status for `SUCCESS`, or the one set with `@HttpCode()`); a `MindoffResponse`
 * answers as declared (its code and status, or its text, html or file). Routes that answer by
 * themselves (mindoff APIs, `@Sse()`, `@Res()`, `@Next()`, `@Redirect()`, `@Render()`) and raw
 * bodies (`StreamableFile`, buffers, streams) are left untouched.
 */
@Injectable()
export class MindoffEnvelopeInterceptor implements NestInterceptor {
  private readonly routes = new EnvelopeRoutes();

  constructor(
    private readonly sender: EnvelopeSender,
    private readonly renderer: ResultRenderer,
    private readonly adapters: HttpAdapterHost,
    private readonly requestIds: RequestIds,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const route = this.routes.of(context.getClass(), context.getHandler());
    const request = context.switchToHttp().getRequest<Record<symbol, unknown>>();
    if (route.untouched || request[MINDOFF_ENVELOPED]) return next.handle();
    request[MINDOFF_ENVELOPED] = true;
    const response: unknown = context.switchToHttp().getResponse();
    this.requestIds.stamp(response);
    return next.handle().pipe(map((result: unknown) => this.answer(response, result, route)));
  }

  private answer(response: unknown, result: unknown, route: EnvelopeRoute): unknown {
    if (isRawBody(result)) return result;
    if (result instanceof MindoffResponse) return this.renderer.render(response, result);
    const { httpStatus, body } = this.sender.build(
      'SUCCESS',
      'success',
      result === undefined ? [] : result,
    );
    // A value JSON has no text for (a BigInt, a cycle) fails here, inside the route, so that the
    // envelope filter answers it UNEXPECTED_ERR on every adapter (fastify's serializer would
    // otherwise answer its own bare 500 after the handler).
    JSON.stringify(body);
    // Nest has set the route's status already: @HttpCode()'s if given, which the app chose.
    if (route.httpCode === undefined) this.adapters.httpAdapter.status(response, httpStatus);
    return body;
  }
}
