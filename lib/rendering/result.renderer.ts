import { Injectable, StreamableFile } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { EnvelopeJson, FileMindoffResponse, TextMindoffResponse } from '../responses';
import { EnvelopeSender } from './envelope.sender';
import { fileBody } from './file-body';
import { resultEnvelope, resultEnvelopeJson, type DataWriter } from './result-envelope';

/** The content type of every envelope, as express's `res.json()` and fastify send them. */
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
/** Express settings that change how `res.json()` writes: with any set, envelopes go through it. */
const EXPRESS_JSON_SETTINGS = ['json replacer', 'json spaces', 'json escape'];

/**
 * Turns what `run()` returned into the answer: a `MindoffResponse` as declared (envelope, text,
 * html or file), anything else as the `SUCCESS` envelope with the value as `data`. Sets the status
 * and headers; returns the body for the framework to send.
 */
@Injectable()
export class ResultRenderer {
  private writesText?: boolean;

  constructor(
    private readonly sender: EnvelopeSender,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** The answer as the framework sends it: an envelope is returned as an object. */
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

  /**
   * The answer of a mindoff API: an envelope is returned as its JSON text, with its content type
   * set (the same bytes and headers `render` leads to, without the framework stringifying it), and
   * a plain value's data is written by `writeData` when the API declares a `responseSchema`.
   * Text, html and file answers are as `render` gives them.
   *
   * @example
   * renderer.renderJson(reply, { id: 1 }); // '{"status":"ok",...,"data":{"id":1}}'
   */
  renderJson(response: unknown, result: unknown, writeData?: DataWriter): unknown {
    if (!(this.writesText ??= this.textIsSentAsIs())) {
      return writeData
        ? this.viaObject(response, result, writeData)
        : this.render(response, result);
    }
    const envelope = resultEnvelopeJson(this.sender, result, writeData);
    if (envelope === null) return this.render(response, result);
    return envelope instanceof Promise
      ? envelope.then((json) => this.sent(response, json))
      : this.sent(response, envelope);
  }

  private sent(response: unknown, { httpStatus, json }: EnvelopeJson): string {
    const adapter = this.adapterHost.httpAdapter;
    adapter.status(response, httpStatus);
    adapter.setHeader(response, 'Content-Type', JSON_CONTENT_TYPE);
    return json;
  }

  /** The envelope as an object whose data is the written data parsed again (see `textIsSentAsIs`). */
  private viaObject(response: unknown, result: unknown, writeData: DataWriter): unknown {
    const envelope = resultEnvelopeJson(this.sender, result, writeData);
    if (envelope === null) return this.render(response, result);
    const answer = ({ httpStatus, json }: EnvelopeJson) => {
      this.adapterHost.httpAdapter.status(response, httpStatus);
      return JSON.parse(json) as unknown;
    };
    return envelope instanceof Promise ? envelope.then(answer) : answer(envelope);
  }

  /**
   * Whether an envelope written here reaches the client as the framework would have written it:
   * not when the app set express's `json replacer`, `json spaces` or `json escape`, which
   * `res.json()` applies (those apps keep their setting on every envelope).
   */
  private textIsSentAsIs(): boolean {
    const adapter = this.adapterHost.httpAdapter;
    if (adapter?.getType() !== 'express') return true;
    const app = adapter.getInstance<{ get?(setting: string): unknown }>();
    return !EXPRESS_JSON_SETTINGS.some((setting) => Boolean(app.get?.(setting)));
  }
}
