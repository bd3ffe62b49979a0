import { hasBody } from '../http/adapter-request';
import type { IncomingMessage } from 'node:http';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import { uploadAborted, uploadCutShort } from '../mindoff.messages';
import { Logger } from '@nestjs/common';
import { forRequest } from '../request-id/request.logger';
import { requestIdOf } from '../request-id/request-tag';

const logger = new Logger('Mindoff');

/**
 * How much of a too-large body is still read (and thrown away) after the refusal, so the client,
 * which is usually still sending, receives its 413 instead of a reset connection; a body that
 * goes on past this has its connection closed.
 */
export const DISCARD_LIMIT = 16 * 1024 * 1024;

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
  if (limit !== null && declared > limit) {
    // Past the discard limit, the connection closes after the answer instead of reading it all.
    return Promise.reject(tooLarge(declared, limit, declared - limit > DISCARD_LIMIT));
  }
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
        discardRest(raw);
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

/**
 * The whole body when all the bytes its Content-Length announces have arrived and nothing has read
 * them, within `limit`: taken from the stream's buffer at once (the common case for small bodies,
 * which come with their headers), without listeners or a promise. Undefined otherwise (a chunked
 * body, one still arriving); `readBody` then reads it as it comes.
 *
 * @example
 * const bytes = bufferedBody(raw, limit) ?? (await readBody(raw, limit));
 */
export function bufferedBody(raw: IncomingMessage, limit: number | null): Buffer | undefined {
  const headers = raw.headers;
  const declared = headers['content-length'];
  if (declared === undefined || headers['transfer-encoding'] !== undefined) return undefined;
  if (raw.readableDidRead || raw.destroyed || raw.readableFlowing) return undefined;
  if (raw.readableEncoding !== null || raw.readableObjectMode) return undefined;
  // Node's parser hands over at most the announced bytes: this many means every one is here.
  const length = raw.readableLength;
  if (length !== Number(declared) || (limit !== null && length > limit)) return undefined;
  const bytes = length === 0 ? null : (raw.read() as Buffer | null);
  return bytes ?? EMPTY;
}

/**
 * Reads the rest of a refused body and throws it away (Node keeps the connection for the next
 * request once it ends), closing the connection if more than `DISCARD_LIMIT` bytes follow.
 */
export function discardRest(raw: IncomingMessage): void {
  let discarded = 0;
  const onData = (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT) {
      raw.off('data', onData);
      raw.socket?.destroy();
    }
  };
  raw.on('data', onData);
  raw.once('end', () => raw.off('data', onData));
  raw.on('error', () => undefined);
  raw.resume();
}

/** Node's error on a request stream whose client went away (`aborted`, `ECONNRESET`). */
export function isReset(error: Error): boolean {
  return (error as { code?: unknown }).code === 'ECONNRESET';
}

/** Logs the abandoned upload (once: the caller has already stopped listening) and its refusal. */
export function aborted(raw: IncomingMessage, received: number): MindoffHttpError {
  const path = (raw.url ?? '').split('?')[0]!;
  logger.debug(
    forRequest(requestIdOf(raw), uploadAborted(raw.method ?? 'REQUEST', path, received)),
  );
  return new MindoffHttpError('MALFORMED_PAYLOAD', { error: uploadCutShort() });
}

/**
 * The `PAYLOAD_TOO_LARGE` refusal for a body of at least `received` bytes; `close` ends the
 * connection after the answer (the body is not read).
 */
export function tooLarge(received: number, limit: number, close = false): MindoffHttpError {
  const mb = (n: number) => Math.round((n / 1048576) * 100) / 100;
  return new MindoffHttpError(
    'PAYLOAD_TOO_LARGE',
    { max_mb: mb(limit), received_mb_at_least: mb(received) },
    close ? { Connection: 'close' } : {},
  );
}
