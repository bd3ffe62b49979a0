import { Logger } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import { uploadAborted, uploadCutShort } from '../mindoff.messages';

const logger = new Logger('Mindoff');

/**
 * Reads a request body, counting the bytes actually received: an honest Content-Length over
 * the limit is refused before reading, and a lying or absent one (chunked) is cut off as soon
 * as the count passes the limit. `limit` null means no limit.
 *
 * A client that hangs up mid-body is no server fault: that is logged once at debug level, with no
 * stack, and the read fails with a `MALFORMED_PAYLOAD` refusal nobody is left to receive.
 */
export function readBody(raw: IncomingMessage, limit: number | null): Promise<Buffer> {
  const declared = Number(raw.headers['content-length']);
  if (limit !== null && declared > limit) return Promise.reject(tooLarge(declared, limit));
  if (raw.readableEnded || !hasBody(raw)) return Promise.resolve(EMPTY);
  // Gone before its body was asked for: the stream will emit nothing more.
  if (raw.destroyed) return Promise.reject(aborted(raw, 0));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanup = () => {
      raw.off('data', onData);
      raw.off('end', onEnd);
      raw.off('error', onError);
      raw.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (limit !== null && received > limit) {
        cleanup();
        raw.pause();
        reject(tooLarge(received, limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(raw.destroyed || isReset(error) ? aborted(raw, received) : error);
    };
    const onAborted = () => {
      cleanup();
      reject(aborted(raw, received));
    };
    raw.on('data', onData);
    raw.on('end', onEnd);
    raw.on('error', onError);
    raw.on('aborted', onAborted);
  });
}

const EMPTY = Buffer.alloc(0);

/** Node's error on a request stream whose client went away (`aborted`, `ECONNRESET`). */
function isReset(error: Error): boolean {
  return (error as { code?: unknown }).code === 'ECONNRESET';
}

/** Logs the abandoned upload (once: the caller has already stopped listening) and its refusal. */
function aborted(raw: IncomingMessage, received: number): MindoffHttpError {
  const path = (raw.url ?? '').split('?')[0]!;
  logger.debug(uploadAborted(raw.method ?? 'REQUEST', path, received));
  return new MindoffHttpError('MALFORMED_PAYLOAD', { error: uploadCutShort() });
}

/** Whether the request announces a body at all (a length above zero, or chunked transfer). */
export function hasBody(raw: IncomingMessage): boolean {
  const length = raw.headers['content-length'];
  return raw.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The `PAYLOAD_TOO_LARGE` refusal for a body of at least `received` bytes. */
export function tooLarge(received: number, limit: number): MindoffHttpError {
  const mb = (n: number) => Math.round((n / 1048576) * 100) / 100;
  return new MindoffHttpError(
    'PAYLOAD_TOO_LARGE',
    { max_mb: mb(limit), received_mb_at_least: mb(received) },
    { Connection: 'close' },
  );
}
