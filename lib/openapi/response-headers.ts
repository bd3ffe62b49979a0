import type { RateLimitHeaders } from '../interfaces/mindoff-module-options.interface';
import type { ApiResponseCode } from './api-response-codes';

/** An OpenAPI Header Object, as plain data. */
export type HeaderObject = { description: string; schema: { type: string } };

const integer = (description: string): HeaderObject => ({
  description,
  schema: { type: 'integer' },
});

const text = (description: string): HeaderObject => ({ description, schema: { type: 'string' } });

/** The rate-limit fields of each `rateLimit.headers` choice. */
const RATE_LIMIT_HEADERS: Record<Exclude<RateLimitHeaders, false>, Record<string, HeaderObject>> = {
  'draft-8': {
    'RateLimit-Policy': text(
      'The quota policy (draft-ietf-httpapi-ratelimit-headers -08+), e.g. "orders__create_order:request";q=30;w=60: q requests per w seconds.',
    ),
    RateLimit: text(
      'What is left of the policy, e.g. "orders__create_order:request";r=29;t=42: r requests left, t seconds until the window resets.',
    ),
  },
  'draft-6': {
    'RateLimit-Limit': integer('Requests allowed per window.'),
    'RateLimit-Remaining': integer('Requests left in this window.'),
    'RateLimit-Reset': integer('Seconds until the window resets.'),
  },
};

const REQUEST_ID: HeaderObject = {
  description:
    "The request's id: the X-Request-Id it was sent with when that is a sane token, else a new one.",
  schema: { type: 'string' },
};

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
 * rate-limit fields `rateLimit` names on answers that passed the limit (false: the API has no
 * limit, or the app sends no fields) and on `API_RATE_LIMITED`, `Retry-After` on
 * `API_RATE_LIMITED`, `Allow` on `INVALID_METHOD`, and the deprecation headers on every answer of
 * a deprecated version.
 *
 * @example
 * responseHeaders([{ code: 'INVALID_METHOD', when: '' }], false, false); // { 'X-Request-Id': ..., Allow: ... }
 */
export function responseHeaders(
  codes: readonly ApiResponseCode[],
  rateLimit: RateLimitHeaders,
  success: boolean,
  deprecated = false,
): Record<string, HeaderObject> {
  const has = (code: string) => codes.some((c) => c.code === code);
  return {
    'X-Request-Id': REQUEST_ID,
    ...(deprecated ? DEPRECATION_HEADERS : {}),
    ...(rateLimit && (success || has('API_RATE_LIMITED')) ? RATE_LIMIT_HEADERS[rateLimit] : {}),
    ...(has('API_RATE_LIMITED')
      ? { 'Retry-After': integer('Seconds to wait before the next request.') }
      : {}),
    ...(has('INVALID_METHOD')
      ? {
          Allow: {
            description: 'The method this API answers (`GET, HEAD` for a GET API).',
            schema: { type: 'string' },
          },
        }
      : {}),
  };
}
