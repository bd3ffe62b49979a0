import type { IncomingMessage } from 'node:http';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import { duplicateContentType, missingContentType, unsupportedCharset } from '../mindoff.messages';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const UTF8_NAMES: ReadonlySet<string> = new Set(['utf-8', 'utf8']);
const ACCEPTED = ['application/json'];

/**
 * Refuses a body whose declared type mindoff cannot read as UTF-8 JSON: more than one
 * Content-Type header is `MALFORMED_PAYLOAD` (the framing is ambiguous); none, a type other than
 * `application/json` (or `application/<x>+json`), or a `charset` other than `utf-8` (`utf8` is taken
 * as its alias) is `UNSUPPORTED_MEDIA_TYPE`.
 *
 * @example
 * checkContentType(raw); // passes 'application/json; charset=UTF-8', throws on 'text/plain'
 */
export function checkContentType(raw: IncomingMessage): void {
  // Node keeps only the first of repeated Content-Type headers in `headers`; rawHeaders has all.
  const count = countHeader(raw.rawHeaders, 'content-type');
  if (count > 1) {
    throw new MindoffHttpError('MALFORMED_PAYLOAD', { error: duplicateContentType(count) });
  }
  const type = raw.headers['content-type'];
  if (type === undefined) {
    throw new MindoffHttpError('UNSUPPORTED_MEDIA_TYPE', {
      accepted: ACCEPTED,
      received: null,
      reason: missingContentType(),
    });
  }
  // The type nearly every client sends, settled without a pattern or a parameter scan.
  if (type === 'application/json') return;
  if (!JSON_TYPE.test(type)) {
    throw new MindoffHttpError('UNSUPPORTED_MEDIA_TYPE', { accepted: ACCEPTED, received: type });
  }
  const charset = charsetOf(type);
  if (charset !== undefined && !UTF8_NAMES.has(charset.toLowerCase())) {
    throw new MindoffHttpError('UNSUPPORTED_MEDIA_TYPE', {
      accepted: ['application/json; charset=utf-8'],
      received: type,
      reason: unsupportedCharset(charset),
    });
  }
}

/** How many times header `name` (lower case) was sent; Node's `headers` keeps only the first. */
export function countHeader(rawHeaders: readonly string[], name: string): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const header = rawHeaders[i]!;
    if (header.length === name.length && header.toLowerCase() === name) count++;
  }
  return count;
}

/**
 * The first `charset` parameter that is not utf-8 (or the last one when all are), unquoted; undefined
 * when there is none. A repeated parameter cannot smuggle a second charset past the first.
 */
function charsetOf(type: string): string | undefined {
  if (!type.includes(';')) return undefined;
  let found: string | undefined;
  for (const parameter of type.split(';').slice(1)) {
    const equals = parameter.indexOf('=');
    if (equals === -1 || parameter.slice(0, equals).trim().toLowerCase() !== 'charset') continue;
    const value = parameter
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (!UTF8_NAMES.has(value.toLowerCase())) return value;
    found = value;
  }
  return found;
}
