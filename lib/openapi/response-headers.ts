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

/**
 * The headers that come with a response of `codes`: the rate-limit headers on answers that passed
 * the limit (when the API has one), `Retry-After` on `API_RATE_LIMITED` and `Allow` on
 * `INVALID_METHOD`.
 *
 * @example
 * responseHeaders([{ code: 'INVALID_METHOD', when: '' }], false); // { Allow: ... }
 */
export function responseHeaders(
  codes: readonly ApiResponseCode[],
  rateLimited: boolean,
  success: boolean,
): Record<string, HeaderObject> {
  const has = (code: string) => codes.some((c) => c.code === code);
  return {
    ...(rateLimited && (success || has('API_RATE_LIMITED')) ? RATE_LIMIT_HEADERS : {}),
    ...(has('API_RATE_LIMITED')
      ? { 'Retry-After': integer('Seconds to wait before the next request.') }
      : {}),
    ...(has('INVALID_METHOD')
      ? { Allow: { description: 'The one method this API answers.', schema: { type: 'string' } } }
      : {}),
  };
}
