import type { RunningApp } from './http-app';
import { rawRequest } from './raw-http';
import { FORM_TYPE } from './multipart';

/** An answer to a raw request: the status, the parsed envelope (if JSON) and the head. */
export interface FormAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON of any shape
  envelope: any;
  head: string;
}

/** How `sendForm` frames the body. */
export interface FormFraming {
  method?: string;
  /** The Content-Type header lines (default one: the multipart type of `formBody`). */
  types?: string[];
  /** `'chunked'` sends no Content-Length; a number sends that Content-Length (a lie, or not). */
  length?: 'chunked' | number;
  /** The client stops after the bytes and half-closes. */
  hangUp?: boolean;
  /** Bytes per write (default 16 KB). */
  chunkSize?: number;
}

/**
 * Sends `body` to `path` byte for byte over a socket, framed as `framing` says (honest
 * Content-Length by default), and reads the first answer.
 */
export async function sendForm(
  server: RunningApp,
  path: string,
  body: Buffer,
  { method = 'POST', types = [FORM_TYPE], length, hangUp, chunkSize = 16384 }: FormFraming = {},
): Promise<FormAnswer> {
  const pieces: Buffer[] = [];
  for (let at = 0; at < body.length; at += chunkSize) {
    pieces.push(body.subarray(at, at + chunkSize));
  }
  const framing =
    length === 'chunked'
      ? 'Transfer-Encoding: chunked'
      : `Content-Length: ${length ?? body.length}`;
  const head = [
    `${method} ${path} HTTP/1.1`,
    'Host: localhost',
    ...types.map((type) => `Content-Type: ${type}`),
    framing,
    'Connection: close',
    '',
  ].join('\n');
  const chunks =
    length === 'chunked'
      ? [
          ...pieces.map((piece) =>
            Buffer.concat([
              Buffer.from(`${piece.length.toString(16)}\r\n`),
              piece,
              Buffer.from('\r\n'),
            ]),
          ),
          ...(hangUp ? [] : [Buffer.from('0\r\n\r\n')]),
        ]
      : pieces;
  const res = await rawRequest(server.url, head, chunks, { endAfterWrite: hangUp });
  const text = Buffer.from(res.body, 'latin1').toString('utf8');
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    envelope = undefined;
  }
  return { status: res.status, envelope, head: res.head };
}
