import type { ApiResponseCode } from './api-response-codes';

/** An OpenAPI Header Object, as plain data. */
export type HeaderObject = { description: string; schema: { type: string } };

const integer = (description: string): HeaderObject => ({
  description,
  schema: { type: 'integer' },
});

const RATE_LIMIT_HEADERS: Record<string, HeaderObject> = {
  'RateLimit-Limit': integer('Requests allowed per window.'),
  'RateLimit-Remaining': integer('Requests left in this window.'),
  'RateLimit-Reset': integer('Seconds until the window resets.'),
};

const REQUEST_ID: HeaderObject = {
  description:
    "The request's id: the X-Request-Id it was sent with when that is a sane token, else a new one.",
  schema: { type: 'string' },
};

const text = (description: string): HeaderObject => ({ description, schema: { type: 'string' } });

/** What a deprecated version adds to every answer (RFC 9745, RFC 8594). */
const DEPRECATION_HEADERS: Record<string, HeaderObject> = {
  Deprecation: text('When this version was deprecated, as @<unix seconds> (@0: date not stated).'),
  Sunset: text('The HTTP-date after which this version may stop answering (when one is set).'),
  Link: text(
    'rel="deprecation": a page about the deprecation; rel="successor-version": the next version.',
  ),
};

/**
 * The headers that come with a response of `codes`: `X-Request-Id` on every answer, the
 * rate-limit headers on answers that passed the limit (when the API has one), `Retry-After` on
 * `API_RATE_LIMITED`, `Allow` on `INVALID_METHOD`, and the deprecation headers on every answer of
 * a deprecated version.
 *
 * @example
 * responseHeaders([{ code: 'INVALID_METHOD', when: '' }], false, false); // { 'X-Request-Id': ..., Allow: ... }
 */
export function responseHeaders(
  codes: readonly ApiResponseCode[],
  rateLimited: boolean,
  success: boolean,
  deprecated = false,
): Record<string, HeaderObject> {
  const has = (code: string) => codes.some((c) => c.code === code);
  return {
    'X-Request-Id': REQUEST_ID,
    ...(deprecated ? DEPRECATION_HEADERS : {}),
    ...(rateLimited && (success || has('API_RATE_LIMITED')) ? RATE_LIMIT_HEADERS : {}),
    ...(has('API_RATE_LIMITED')
      ? { 'Retry-After': integer('Seconds to wait before the next request.') }
      : {}),
    ...(has('INVALID_METHOD')
      ? { Allow: { description: 'The one method this API answers.', schema: { type: 'string' } } }
      : {}),
  };
}
