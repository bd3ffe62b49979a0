import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { map, type Observable } from 'rxjs';

/**
 * Sets `x-served-by` on the response as each value leaves the handler, as timing and tracing
 * interceptors do (a constant here, so answers with and without mindoff compare equal).
 */
@Injectable()
export class ServedByInterceptor implements NestInterceptor {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const response: unknown = context.switchToHttp().getResponse();
    return next.handle().pipe(
      map((value: unknown) => {
        this.adapterHost.httpAdapter.setHeader(response, 'x-served-by', 'real-app');
        return value;
      }),
    );
  }
}
