import { Injectable, StreamableFile } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FileMindoffResponse, TextMindoffResponse } from '../responses';
import { EnvelopeSender } from './envelope.sender';
import { fileBody } from './file-body';
import { resultEnvelope } from './result-envelope';

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
    const envelope = resultEnvelope(this.sender, result);
    if (envelope) {
      adapter.status(response, envelope.httpStatus);
      return envelope.body;
    }
    const answer = result as TextMindoffResponse | FileMindoffResponse;
    if (answer.kind === 'file') {
      adapter.status(response, 200);
      return new StreamableFile(fileBody(answer.source), {
        type: answer.contentType,
        disposition: answer.disposition,
      });
    }
    adapter.status(response, answer.status);
    adapter.setHeader(response, 'Content-Type', answer.contentType);
    return answer.body;
  }
}
