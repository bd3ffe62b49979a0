import type { CompiledApi } from '../registry/compiled-api';
import type { ResponseCatalog } from '../responses/response.catalog';
import { allowsAnyone, responseCodesFor } from './api-response-codes';
import { envelopeResponses } from './envelope-responses';
import type { PayloadSchemaContext } from './payload.json-schema';
import { requestBodyFor } from './request-body';

/** What writing an API's operation needs: the payload context plus the app's response catalog. */
export interface OperationContext extends PayloadSchemaContext {
  catalog: ResponseCatalog;
}

/** One API version as an OpenAPI operation, with the path and method it sits under. */
export interface ApiOperation {
  /** e.g. `/v1/orders/create_order/`, route params as `{item_id}`. */
  path: string;
  /** Lower case, e.g. `post`. */
  method: string;
  operation: Record<string, unknown>;
}

/**
 * The OpenAPI operation of one compiled API version: summary, request body, a response per HTTP
 * status its codes answer with (statuses from the app's catalog), security and `x-ratelimit`.
 *
 * @example
 * apiOperation(api, ['ORDER_CREATED'], context).path; // '/v1/shop/create_order/'
 */
export function apiOperation(
  api: CompiledApi,
  declared: readonly string[],
  context: OperationContext,
): ApiOperation {
  const segments = api.route.apiPath.split('/');
  const params = segments.filter((s) => s.startsWith(':')).map((s) => s.slice(1));
  const path = `/v${api.route.version}/${segments.map((s) => (s.startsWith(':') ? `{${s.slice(1)}}` : s)).join('/')}/`;
  const requestBody = requestBodyFor(api, context);
  const operation: Record<string, unknown> = {
    operationId: `${api.urlName}_v${api.route.version}`,
    summary: api.name,
    ...(api.description ? { description: api.description } : {}),
    tags: [segments[0]],
    ...(params.length > 0
      ? {
          parameters: params.map((name) => ({
            name,
            in: 'path',
            required: true,
            schema: { type: 'string' },
          })),
        }
      : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: envelopeResponses(
      context.catalog,
      responseCodesFor(api, declared),
      { method: api.method, rateSource: api.rate?.source },
      api.rate !== null,
    ),
    ...(api.auth.length > 0 ? { security: security(api) } : {}),
    ...(api.rate
      ? {
          'x-ratelimit': {
            limit: api.rate.limit,
            windowSeconds: api.rate.ttlMs / 1000,
            rate: api.rate.source,
            per: 'user, or client IP when anonymous',
            sharedBy: api.urlName,
          },
        }
      : {}),
  };
  return { path, method: api.method.toLowerCase(), operation };
}

/** The strategies as alternatives (tried in order); `{}` too when anyone may call the API. */
function security(api: CompiledApi): Record<string, string[]>[] {
  const schemes = api.auth.map((strategy) => ({ [strategy]: [] as string[] }));
  return allowsAnyone(api) ? [...schemes, {}] : schemes;
}
