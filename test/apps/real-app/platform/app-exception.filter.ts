import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/** The app's own error format: `{ error: true, status, message }`, marked `x-app-filter: 1`. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const { httpAdapter } = this.adapterHost;
    const response: unknown = host.switchToHttp().getResponse();
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    // Only an HttpException's message is meant for clients; anything else may carry internals.
    const message =
      exception instanceof HttpException ? messageOf(exception) : 'Internal server error';
    httpAdapter.setHeader(response, 'x-app-filter', '1');
    httpAdapter.reply(response, { error: true, status, message }, status);
  }
}

function messageOf(exception: HttpException): unknown {
  const body = exception.getResponse();
  return typeof body === 'object' && body !== null && 'message' in body ? body.message : body;
}
