import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';

/** The bytes of a file response: a buffer or stream as given, or a path opened for streaming. */
export function fileBody(source: Buffer | string | NodeJS.ReadableStream): Readable {
  if (Buffer.isBuffer(source)) return Readable.from([source]);
  if (typeof source !== 'string') return source as Readable;
  // Fails here (answered as UNEXPECTED_ERR) rather than after the headers went out.
  if (!statSync(source).isFile()) throw new Error(`Not a file: ${source}`);
  return createReadStream(source);
}
