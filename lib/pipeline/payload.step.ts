import type { IncomingMessage } from 'node:http';
import type { CompiledApi } from '../registry/compiled-api';
import {
  isStackOverflow,
  jsonTextDepth,
  payloadDepth,
  tooDeepIssue,
  type PayloadOutcome,
} from '../validation';
import { notUtf8 } from '../mindoff.messages';
import { hasBody } from '../http/adapter-request';
import { bufferedBody, readBody } from './body.reader';
import { consumedBody, isConsumed } from './consumed-body';
import { checkContentType } from './content-type.check';
import { mayHoldProtoKey, withoutProtoKeys } from './proto-keys';
import { MindoffHttpError } from '../errors/mindoff-http.error';

/**
 * The payload steps of the pipeline, in order: the declared type, size (counted on bytes read),
 * UTF-8 decoding and parsing, depth of the whole body, then the schema. The payload `run()`
 * receives: at once when the body has already arrived and the schema is synchronous, otherwise
 * a promise. A refusal is thrown (or rejected).
 */
export function readPayload(
  api: CompiledApi,
  raw: IncomingMessage,
  request: { body?: unknown; rawBody?: unknown },
): unknown | Promise<unknown> {
  if (!hasBody(raw)) return checkShape(api, undefined);
  checkContentType(raw);
  if (isConsumed(raw)) {
    const earlier = consumedBody(api, raw, request);
    if (earlier.parsed) return checkShape(api, earlier.value);
    return parsePayload(api, earlier.bytes);
  }
  const limit = api.maxPayloadBytes;
  const arrived = bufferedBody(raw, limit);
  if (arrived) return parsePayload(api, arrived);
  // Reached straight from the request's headers, Node's parser has yet to hand over the bytes
  // that came with them: it does before the next microtask, so look once more, then read.
  return Promise.resolve()
    .then(() => bufferedBody(raw, limit) ?? readBody(raw, limit))
    .then((bytes) => parsePayload(api, bytes));
}

/** Decoding, parsing, depth and schema of the bytes read. */
function parsePayload(api: CompiledApi, bytes: Buffer): unknown {
  let body: unknown;
  if (bytes.length > 0) {
    const text = utf8Text(bytes);
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new MindoffHttpError('MALFORMED_PAYLOAD', { error: (error as Error).message });
    }
    // Dropped after parsing, without recursion: the depth below is the text's, whatever its keys.
    if (mayHoldProtoKey(text)) withoutProtoKeys(body);
  }
  return checkShape(api, body, bytes.length > 0 ? bytes : undefined);
}

// Fatal: a byte sequence that is not UTF-8 is refused, not replaced by U+FFFD. The BOM is kept in
// the text, so JSON.parse refuses it as before.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function utf8Text(bytes: Buffer): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new MindoffHttpError('MALFORMED_PAYLOAD', { error: notUtf8() });
  }
}

/**
 * The depth and schema steps of a body already read (`undefined` when none was sent): the value
 * `run()` gets, or the refusal (`INVALID_PAYLOAD`, `PAYLOAD_NOT_ALLOWED`). `json`, the text the body
 * was parsed from, is where its depth is read (cheaper than walking it, and the same whatever keys
 * were dropped after parsing).
 *
 * @example
 * await checkShape(api, { sku: 'tea' }); // { sku: 'tea' }, or throws INVALID_PAYLOAD
 */
export function checkShape(
  api: CompiledApi,
  body: unknown,
  json?: Uint8Array,
): unknown | Promise<unknown> {
  const max = api.maxPayloadDepth;
  if (max !== null && body !== undefined && depthOf(body, max, json) > max) {
    throw new MindoffHttpError('INVALID_PAYLOAD', [tooDeepIssue(max)]);
  }
  const payload = body === undefined ? {} : body;
  if (api.validation === null) return payload;
  if (!api.check) {
    if (!isEmpty(payload)) throw new MindoffHttpError('PAYLOAD_NOT_ALLOWED');
    return payload;
  }
  let outcome: PayloadOutcome | Promise<PayloadOutcome>;
  try {
    outcome = api.check(payload);
  } catch (error) {
    throw tooDeepForSchema(error);
  }
  return outcome instanceof Promise
    ? outcome.then(accepted, (error: unknown) => Promise.reject(tooDeepForSchema(error)))
    : accepted(outcome);
}

function depthOf(body: unknown, max: number, json: Uint8Array | undefined): number {
  return json ? jsonTextDepth(json, max) : payloadDepth(body, max);
}

/**
 * A schema that walks the body recursively (a recursive zod schema, a nested DTO) can run out of
 * stack on a body deeper than it can follow when `maxPayloadDepth` is off: that is the body's
 * depth, answered `INVALID_PAYLOAD`; any other error is passed on as it is.
 */
function tooDeepForSchema(error: unknown): unknown {
  return isStackOverflow(error)
    ? new MindoffHttpError('INVALID_PAYLOAD', [tooDeepIssue(null)])
    : error;
}

/** The value `run()` gets, or the `INVALID_PAYLOAD` refusal. */
function accepted(outcome: PayloadOutcome): unknown {
  if (outcome.issues) throw new MindoffHttpError('INVALID_PAYLOAD', outcome.issues);
  return outcome.value;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === '' || value === false || value === 0) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value as object).length === 0;
}
