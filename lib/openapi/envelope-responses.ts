import type { RateLimitHeaders } from '../interfaces/mindoff-module-options.interface';
import type { ResponseCatalog } from '../responses/response.catalog';
import type { ApiResponseCode } from './api-response-codes';
import { envelopeResponse, type ExampleContext, type ResponseObject } from './envelope.response';
import { responseHeaders } from './response-headers';

/**
 * The responses of an operation answering `codes`: one envelope response per HTTP status the
 * catalog gives them, in status order, with the headers that come with them (`rateLimit`: the
 * rate-limit fields the answers carry, false for none; `deprecated`: the deprecation headers).
 *
 * @example
 * envelopeResponses(catalog, [{ code: 'SUCCESS', when: 'always' }], context, false); // { '200': ... }
 */
export function envelopeResponses(
  catalog: ResponseCatalog,
  codes: readonly ApiResponseCode[],
  context: ExampleContext,
  rateLimit: RateLimitHeaders,
  deprecated = false,
): Record<string, ResponseObject> {
  const byStatus = new Map<number, ApiResponseCode[]>();
  for (const code of codes) {
    const status = catalog.get(code.code)!.httpStatus;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, group]) => {
        const response = envelopeResponse(catalog, group, context);
        const headers = responseHeaders(group, rateLimit, status < 300, deprecated);
        return [
          String(status),
          Object.keys(headers).length > 0 ? { ...response, headers } : response,
        ];
      }),
  );
}
