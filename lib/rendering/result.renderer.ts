import { Injectable, StreamableFile } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { MindoffResponse } from '../responses';
import { EnvelopeSender } from './envelope.sender';
import { fileBody } from './file-body';

/**
 * Turns what `run()` returned into the answer: a `MindoffResponse` as declared (envelope, text,
 * html or file), anything else as the `SUCCESS` envelope with the value as `data`. Sets the status
 * and headers; returns the body for the framework to send.
 */
@Injectable()
export class ResultRenderer {
  constructor(
    private readonly sender: EnvelopeSender,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  render(response: unknown, result: unknown): unknown {
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
