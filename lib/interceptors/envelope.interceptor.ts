import {
  Injectable,
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { map, type Observable } from 'rxjs';
import { MindoffResponse } from '../responses';
import { EnvelopeSender } from '../rendering/envelope.sender';
import { fileBody } from '../rendering/file-body';

/**
 * Turns what `run()` returns into the answer: a `MindoffResponse` as declared (envelope, text,
 * html or file), anything else as the `SUCCESS` envelope with the value as `data`.
 */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  constructor(
    private readonly sender: EnvelopeSender,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<unknown>();
    return next.handle().pipe(map((result) => this.render(response, result)));
  }

  private render(response: unknown, result: unknown): unknown {
    const adapter = this.adapterHost.httpAdapter;
    if (!(result instanceof MindoffResponse)) {
      const { httpStatus, body } = this.sender.build(
        'SUCCESS',
        'success',
        result === undefined ? [] : result,
      );
      adapter.status(response, httpStatus);
      return body;
    }
    switch (result.kind) {
      case 'json': {
        const { httpStatus, body } = this.sender.build(result.code, result.category, result.data);
        adapter.status(response, httpStatus);
        return body;
      }
      case 'text':
      case 'html':
        adapter.status(response, result.status);
        adapter.setHeader(response, 'Content-Type', result.contentType);
        return result.body;
      case 'file':
        adapter.status(response, 200);
        return new StreamableFile(fileBody(result.source), {
          type: result.contentType,
          disposition: result.disposition,
        });
    }
  }
}
