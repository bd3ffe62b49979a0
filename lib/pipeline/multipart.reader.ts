import type { IncomingMessage } from 'node:http';
import type { MultipartForm, ParsedForm } from '../uploads/multipart-form';
import { aborted, DISCARD_LIMIT, discardRest, isReset, tooLarge } from './body.reader';

/**
 * Streams a request body into `form`, counting the bytes actually received, as `readBody` does for
 * JSON: an honest Content-Length over `limit` is refused before reading, a lying or absent one
 * (chunked) is cut off as soon as the count passes it (`PAYLOAD_TOO_LARGE`). A refusal by the form
 * itself (a file over its size, an undeclared field...) stops the read at once; the rest of the
 * body is read and thrown away so the client receives its answer. A client that hangs up is
 * `MALFORMED_PAYLOAD`, logged once at debug level.
 *
 * @example
 * const { fields, files } = await readMultipart(raw, api.maxPayloadBytes, new MultipartForm(rules, raw.headers));
 */
export function readMultipart(
  raw: IncomingMessage,
  limit: number | null,
  form: MultipartForm,
): Promise<ParsedForm> {
  const declared = Number(raw.headers['content-length']);
  if (limit !== null && declared > limit) {
    form.stop();
    return Promise.reject(tooLarge(declared, limit, declared - limit > DISCARD_LIMIT));
  }
  if (raw.destroyed) {
    form.stop();
    return Promise.reject(aborted(raw, 0));
  }
  return new Promise<ParsedForm>((resolve, reject) => {
    let received = 0;
    let reading = true;
    /** Detaches from the request; false when it already was. */
    const stopReading = (): boolean => {
      if (!reading) return false;
      reading = false;
      raw.off('data', onData);
      raw.off('end', onEnd);
      raw.off('error', onError);
      raw.off('aborted', onAborted);
      return true;
    };
    const onData = (chunk: Buffer) => {
      // A refusal by the form settles on the next microtask; chunks until then are dropped.
      if (form.stopped) return;
      received += chunk.length;
      if (limit !== null && received > limit) {
        form.stop();
        stopReading();
        discardRest(raw);
        reject(tooLarge(received, limit));
        return;
      }
      if (!form.write(chunk)) {
        raw.pause();
        form.onDrain(() => raw.resume());
      }
    };
    const onEnd = () => {
      stopReading();
      form.end();
    };
    const onError = (error: Error) => {
      stopReading();
      form.stop();
      reject(raw.destroyed || isReset(error) ? aborted(raw, received) : error);
    };
    const onAborted = () => {
      stopReading();
      form.stop();
      reject(aborted(raw, received));
    };
    form.result.then(resolve, (error: unknown) => {
      if (stopReading()) discardRest(raw);
      reject(error);
    });
    raw.on('data', onData);
    raw.on('end', onEnd);
    raw.on('error', onError);
    raw.on('aborted', onAborted);
  });
}
