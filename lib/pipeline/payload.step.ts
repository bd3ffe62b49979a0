import type { IncomingMessage } from 'node:http';
import type { CompiledApi } from '../registry/compiled-api';
import { payloadDepth, type PayloadOutcome } from '../validation';
import { hasBody, readBody } from './body.reader';
import { consumedBody, isConsumed } from './consumed-body';
import { MindoffHttpError } from '../errors/mindoff-http.error';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The payload steps of the pipeline, in order: size (counted on bytes read), parsing, depth of
 * the whole body, then the schema. Resolves the payload `run()` receives.
 */
export async function readPayload(
  api: CompiledApi,
  raw: IncomingMessage,
  request: { body?: unknown; rawBody?: unknown },
): Promise<unknown> {
  if (!hasBody(raw)) return checkShape(api, undefined);
  const type = raw.headers['content-type'];
  if (type !== undefined && !JSON_TYPE.test(type)) {
    throw new MindoffHttpError('UNSUPPORTED_MEDIA_TYPE', {
      accepted: ['application/json'],
      received: type,
    });
  }
  if (isConsumed(raw)) {
    const earlier = consumedBody(api, raw, request);
    if (earlier.parsed) return checkShape(api, earlier.value);
    return parsePayload(api, earlier.bytes);
  }
  return parsePayload(api, await readBody(raw, api.maxPayloadBytes));
}

/** Parsing, depth and schema of the bytes read. */
function parsePayload(api: CompiledApi, bytes: Buffer): unknown {
  let body: unknown;
  if (bytes.length > 0) {
    try {
      body = parseJson(bytes);
    } catch (error) {
      throw new MindoffHttpError('MALFORMED_PAYLOAD', { error: (error as Error).message });
    }
  }
  return checkShape(api, body);
}

const PROTO_KEY = Buffer.from('"__proto__"');

/**
 * JSON.parse, minus any `__proto__` keys: JSON.parse keeps them as own properties, which a
 * handler's `Object.assign(target, payload)` would turn into a prototype swap. The reviver (slow)
 * only runs when the bytes contain the key at all.
 */
function parseJson(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  if (bytes.indexOf(PROTO_KEY) === -1) return JSON.parse(text);
  return JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));
}

function checkShape(api: CompiledApi, body: unknown): unknown | Promise<unknown> {
  const max = api.maxPayloadDepth;
  if (max !== null && body !== undefined && payloadDepth(body, max) > max) {
    throw new MindoffHttpError('INVALID_PAYLOAD', [
      {
        path: '',
        code: 'too_deep',
        message: `payload is nested deeper than ${max} level(s)`,
        expected: `depth <= ${max}`,
        received: `depth > ${max}`,
      },
    ]);
  }
  const payload = body === undefined ? {} : body;
  if (api.validation === null) return payload;
  if (!api.check) {
    if (!isEmpty(payload)) throw new MindoffHttpError('PAYLOAD_NOT_ALLOWED');
    return payload;
  }
  const outcome = api.check(payload);
  return outcome instanceof Promise ? outcome.then(accepted) : accepted(outcome);
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
