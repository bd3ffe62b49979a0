import { basename } from 'node:path';
import { isEnvelopeHttpStatus } from './envelope-status';
import type { Category } from './envelope.interface';
import { attachmentDisposition, contentTypeFor, extensionFor } from './file-headers';

/** Which renderer a `MindoffResponse` needs. */
import type { MindoffResponseKind } from './mindoff-response-kind';

export type { MindoffResponseKind };

/** A file's bytes: a buffer, a path to stream from disk, or a readable stream. */
export type FileSource = Buffer | string | NodeJS.ReadableStream;

/** An envelope answer: the catalog code with an optional category and data. */
export interface JsonResponseFields {
  readonly kind: 'json';
  readonly code: string;
  readonly category?: Category;
  readonly data?: unknown;
}

/** A plain text or HTML answer with its status and content type. */
export interface TextResponseFields {
  readonly kind: 'text' | 'html';
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** A download: the bytes, their name and type, and the ready `Content-Disposition` value. */
export interface FileResponseFields {
  readonly kind: 'file';
  readonly source: FileSource;
  readonly filename: string;
  readonly contentType: string;
  readonly disposition: string;
}

/** The fields of one kind of `MindoffResponse`; `kind` tells which. */
export type MindoffResponseFields = JsonResponseFields | TextResponseFields | FileResponseFields;

/** A `MindoffResponse` answering with an envelope. */
export type JsonMindoffResponse = MindoffResponse & JsonResponseFields;
/** A `MindoffResponse` answering with text or HTML. */
export type TextMindoffResponse = MindoffResponse & TextResponseFields;
/** A `MindoffResponse` answering with a file download. */
export type FileMindoffResponse = MindoffResponse & FileResponseFields;

/**
 * What a handler returns to choose its answer: an envelope (`json`), `text`, `html` or a `file`.
 * `value instanceof MindoffResponse` narrows to the kinds, so a `switch (value.kind)` sees each
 * kind's fields.
 */
export class MindoffResponse {
  /** Which renderer this answer needs. */
  declare readonly kind: MindoffResponseKind;

  private constructor(fields: MindoffResponseFields) {
    Object.assign(this, fields);
    Object.freeze(this);
  }

  static [Symbol.hasInstance](value: unknown): value is MindoffResponse & MindoffResponseFields {
    return Function.prototype[Symbol.hasInstance].call(MindoffResponse, value);
  }

  /** The envelope of catalog `code`; category and data default as in `ResponseCatalog.envelope`. */
  static json(options: { code: string; category?: Category; data?: unknown }): JsonMindoffResponse {
    const { code, category, data } = options;
    return new MindoffResponse({ kind: 'json', code, category, data }) as JsonMindoffResponse;
  }

  /** `text` as `text/plain; charset=utf-8` with `status` (default 200; 200-299 or 400-599). */
  static text(text: string, options: { status?: number } = {}): TextMindoffResponse {
    return MindoffResponse.textual('text', text, 'text/plain; charset=utf-8', options.status);
  }

  /** `html` as `text/html; charset=utf-8` with `status` (default 200; 200-299 or 400-599). */
  static html(html: string, options: { status?: number } = {}): TextMindoffResponse {
    return MindoffResponse.textual('html', html, 'text/html; charset=utf-8', options.status);
  }

  /**
   * A download (`Content-Disposition: attachment`). `filename` defaults to the path's base name,
   * or `download` plus an extension from `contentType` (`.bin` if unknown) for a buffer or stream;
   * `contentType` defaults to a guess from the file name's extension.
   */
  static file(
    source: FileSource,
    options: { filename?: string; contentType?: string } = {},
  ): FileMindoffResponse {
    const given = options.filename?.trim();
    const filename = given
      ? given
      : typeof source === 'string'
        ? basename(source)
        : `download${options.contentType ? extensionFor(options.contentType) : '.bin'}`;
    const contentType = options.contentType ?? contentTypeFor(filename);
    return new MindoffResponse({
      kind: 'file',
      source,
      filename,
      contentType,
      disposition: attachmentDisposition(filename),
    }) as FileMindoffResponse;
  }

  private static textual(
    kind: 'text' | 'html',
    body: string,
    contentType: string,
    status = 200,
  ): TextMindoffResponse {
    if (!isEnvelopeHttpStatus(status)) {
      throw new RangeError(
        `MindoffResponse.${kind}: status ${status} is not allowed; use 200-299 or 400-599.`,
      );
    }
    return new MindoffResponse({ kind, status, contentType, body }) as TextMindoffResponse;
  }
}
