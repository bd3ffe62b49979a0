import type { RateLimitHeaders } from '../interfaces/mindoff-module-options.interface';
import type { CompiledApi } from '../registry/compiled-api';
import type { ResponseCatalog } from '../responses/response.catalog';
import { allowsAnyone, responseCodesFor } from './api-response-codes';
import { envelopeResponses } from './envelope-responses';
import type { PayloadSchemaContext } from './payload.json-schema';
import { requestBodyFor } from './request-body';
import { withResponseData } from './response-data';
import { payloadJsonSchema } from './payload.json-schema';
import type { PayloadSchema } from '../validation';
import { urlParameters } from './url-parameters';
import { idempotencyKeyParameters } from './idempotency-key.parameter';

/**
 * What writing an API's operation needs: the payload context plus the app's response catalog and
 * the rate-limit fields its answers carry (`rateLimit.headers`).
 */
export interface OperationContext extends PayloadSchemaContext {
  catalog: ResponseCatalog;
  rateLimitHeaders: RateLimitHeaders;
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
 * The OpenAPI operations of one compiled API version, one per URL pattern it is served at:
 * summary, path and query parameters, request body, a response per HTTP status its codes answer
 * with (statuses from the app's catalog), security, `x-ratelimit`, `x-mindoff-idempotency` and
 * `deprecated`.
 *
 * @example
 * apiOperations(api, ['ORDER_CREATED'], context)[0].path; // '/v1/shop/create_order/'
 */
export function apiOperations(
  api: CompiledApi,
  declared: readonly string[],
  context: OperationContext,
): ApiOperation[] {
  const patterns = api.route.apiPaths ?? [api.route.apiPath];
  return patterns.map((pattern, index) => apiOperation(api, pattern, index, declared, context));
}

function apiOperation(
  api: CompiledApi,
  pattern: string,
  index: number,
  declared: readonly string[],
  context: OperationContext,
): ApiOperation {
  const segments = pattern.split('/');
  const names = segments.filter((s) => s.startsWith(':')).map((s) => s.slice(1));
  const path = `/v${api.route.version}/${segments.map((s) => (s.startsWith(':') ? `{${s.slice(1)}}` : s)).join('/')}/`;
  const requestBody = requestBodyFor(api, context);
  const parameters = [...urlParameters(api, names, context), ...idempotencyKeyParameters(api)];
  const operation: Record<string, unknown> = {
    // Each pattern is its own operation; the first keeps the API's id.
    operationId: `${api.urlName}_v${api.route.version}${index === 0 ? '' : `_${index + 1}`}`,
    summary: api.name,
    ...(api.description ? { description: api.description } : {}),
    tags: [segments[0]],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(api.deprecation ? { deprecated: true } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: withResponseData(
      envelopeResponses(
        context.catalog,
        responseCodesFor(api, declared),
        { method: api.method, rateSource: api.rate?.source },
        api.rate === null ? false : context.rateLimitHeaders,
        api.deprecation !== null,
      ),
      api,
      context,
    ),
    ...(api.auth.length > 0 ? { security: security(api) } : {}),
    ...taskData(api, context),
    ...(api.idempotency ? { 'x-mindoff-idempotency': { required: api.idempotency.required } } : {}),
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

/**
 * A queue-mode API answers `QUEUED`; the data its task ends with (what `run()` returns, as its
 * `responseSchema` describes it) is read later from the task endpoints, so it is written as
 * `x-mindoff-task-data` on the operation, for typed clients. Nothing without a `responseSchema`.
 */
function taskData(api: CompiledApi, context: OperationContext): Record<string, unknown> {
  const declared = api.options.responseSchema as PayloadSchema | null | undefined;
  if (api.processMode !== 'queue' || !declared) return {};
  const schema = payloadJsonSchema(declared, `${api.className}Data`, 'strict', context);
  return { 'x-mindoff-task-data': schema };
}

/** The strategies as alternatives (tried in order); `{}` too when anyone may call the API. */
function security(api: CompiledApi): Record<string, string[]>[] {
  const schemes = api.auth.map((strategy) => ({ [strategy]: [] as string[] }));
  return allowsAnyone(api) ? [...schemes, {}] : schemes;
}
