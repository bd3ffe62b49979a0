import type { IncomingMessage } from 'node:http';
import type { CompiledApi } from '../registry/compiled-api';
import { bodyReadByOthers } from '../mindoff.messages';
import { isStackOverflow, payloadDepth, tooDeepIssue } from '../validation';
import { tooLarge } from './body.reader';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import { Logger } from '@nestjs/common';
import { forRequest } from '../request-id/request.logger';
import { requestIdOf } from '../request-id/request-tag';

/** A body someone else read: the bytes, or a value parsed from bytes whose count is known. */
export type ConsumedBody = { parsed: false; bytes: Buffer } | { parsed: true; value: unknown };

const logger = new Logger('Mindoff');
const warned = new Set<string>();

/** Whether the request stream was read (or is being read) before mindoff got to it. */
export function isConsumed(raw: IncomingMessage): boolean {
  return raw.readableEnded || raw.readableDidRead;
}

/**
 * What is left of a body another parser read on a mindoff route (an app's own
 * `app.use(express.json())`, `rawBody: true`, a custom parser). mindoff never answers as if the body
 * were empty: it takes the raw bytes when they were kept, or the parsed value when HTTP framing
 * proves the size (a Content-Length the server read exactly, within the API's limit); otherwise it
 * refuses the request with `API_CONFIG_ERR` and logs the cause once. Kept bytes get every body
 * rule (UTF-8 included); a parsed value gets the type, size, depth and schema rules, its bytes
 * being gone (a parser that decoded them has already replaced invalid UTF-8).
 */
export function consumedBody(
  api: CompiledApi,
  raw: IncomingMessage,
  request: { body?: unknown; rawBody?: unknown },
): ConsumedBody {
  const limit = api.maxPayloadBytes;
  const bytes = asBytes(request.rawBody) ?? asBytes(request.body);
  if (bytes) {
    if (limit !== null && bytes.length > limit) throw tooLarge(bytes.length, limit);
    return { parsed: false, bytes };
  }
  const framed = framedLength(raw);
  if (request.body !== undefined && framed !== undefined) {
    if (limit !== null && framed > limit) throw tooLarge(framed, limit);
    // Measured before it is copied: the copy is recursive, the measure is not.
    const depth = api.maxPayloadDepth;
    if (depth !== null && payloadDepth(request.body, depth) > depth) {
      throw new MindoffHttpError('INVALID_PAYLOAD', [tooDeepIssue(depth)]);
    }
    const value = withoutProtoKeys(request.body);
    if (value !== undefined) return { parsed: true, value };
  }
  const reason = bodyReadByOthers(api.className, framed === undefined);
  if (!warned.has(api.className)) {
    warned.add(api.className);
    logger.error(forRequest(requestIdOf(raw), reason));
  }
  throw new MindoffHttpError('API_CONFIG_ERR', { reason });
}

function asBytes(value: unknown): Buffer | undefined {
  if (Buffer.isBuffer(value)) return value;
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : undefined;
}

/**
 * The body length HTTP framing fixed (Content-Length without chunked transfer), if any. A
 * compressed body's length says nothing of what it inflates to, so it counts as unmeasured.
 */
function framedLength(raw: IncomingMessage): number | undefined {
  if (raw.headers['transfer-encoding'] !== undefined) return undefined;
  const encoding = raw.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return undefined;
  const length = Number(raw.headers['content-length']);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/**
 * A plain-JSON copy without `__proto__` keys (as mindoff's own parser gives); undefined if not JSON.
 * A value too deep to copy (only possible with `maxPayloadDepth` off) is refused as too deep.
 */
function withoutProtoKeys(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value), (key, v: unknown) =>
      key === '__proto__' ? undefined : v,
    ) as unknown;
  } catch (error) {
    if (isStackOverflow(error)) throw new MindoffHttpError('INVALID_PAYLOAD', [tooDeepIssue(null)]);
    return undefined;
  }
}
