import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { tap, type Observable } from 'rxjs';
import { RequestLog } from './request-log';

/** Logs `<METHOD> <url> ok|error` for every request that reaches a handler. */
@Injectable()
export class RequestLogInterceptor implements NestInterceptor {
  constructor(
    private readonly log: RequestLog,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const { httpAdapter } = this.adapterHost;
    const request: unknown = context.switchToHttp().getRequest();
    const line = `${httpAdapter.getRequestMethod(request)} ${httpAdapter.getRequestUrl(request)}`;
    return next.handle().pipe(
      tap({
        complete: () => this.log.record(`${line} ok`),
        error: () => this.log.record(`${line} error`),
      }),
    );
  }
}
