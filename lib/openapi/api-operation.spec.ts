import type { MindoffApiOptions } from '../interfaces/mindoff-api-options.interface';
import { IsAuthenticated } from '../permissions/is-authenticated.permission';
import { compileApi, type CompiledApi } from '../registry/compiled-api';
import { ResponseCatalog } from '../responses';
import { Int, ListOf, Optional } from '../validation';
import { apiOperations, type OperationContext } from './api-operation';
import type { RateLimitHeaders } from '../interfaces/mindoff-module-options.interface';

/** The operation of the API's first (here only) pattern. */
const apiOperation = (...args: Parameters<typeof apiOperations>) => apiOperations(...args)[0]!;

class SomeApi {}

const compiled = (
  fields: Partial<MindoffApiOptions> = {},
  route = {
    version: 2,
    apiPath: 'shop/items/:item_id',
    apiPaths: ['shop/items/:item_id'],
    versions: [1, 2],
  },
): CompiledApi =>
  compileApi(
    SomeApi,
    { urlName: 'shop__items', name: 'Update Item', method: 'put', ...fields } as MindoffApiOptions,
    route,
    (fields.permissions ?? []).map((p) => new p()),
  );

const context = (
  catalog = ResponseCatalog.fromRows(),
  rateLimitHeaders: RateLimitHeaders = 'draft-8',
): OperationContext => ({
  catalog,
  rateLimitHeaders,
  dialect: '3.1',
  components: {},
  isSwaggerModel: () => false,
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- document fragments of any shape

describe('apiOperation', () => {
  it('places the API under its versioned path with route params, its own method and identity', () => {
    const { path, method, operation } = apiOperation(
      compiled({ description: 'Replaces an item' }),
      [],
      context(),
    );
    expect(path).toBe('/v2/shop/items/{item_id}/');
    expect(method).toBe('put');
    expect(operation).toMatchObject({
      operationId: 'shop__items_v2',
      summary: 'Update Item',
      description: 'Replaces an item',
      tags: ['shop'],
      parameters: [{ name: 'item_id', in: 'path', required: true, schema: { type: 'string' } }],
    });
  });

  it('groups the codes by the HTTP status the catalog gives them, overrides included', () => {
    const catalog = ResponseCatalog.fromRows([
      {
        code: 'PAYLOAD_TOO_LARGE',
        title: 'Too Big',
        description: 'At most 1 MB.',
        httpStatus: 400,
      },
      { code: 'ITEM_REPLACED', title: 'Item Replaced', description: 'Done.', httpStatus: 201 },
    ]);
    const api = compiled({ payloadSchema: { qty: Int }, payloadValidation: 'strict' });
    const responses = apiOperation(api, ['ITEM_REPLACED'], context(catalog)).operation
      .responses as Json;
    expect(Object.keys(responses)).toEqual([
      '200',
      '201',
      '400',
      '405',
      '415',
      '429',
      '500',
      '503',
    ]);
    expect(
      responses['400'].content['application/json'].schema.properties.message.properties.code,
    ).toEqual({
      type: 'string',
      enum: ['PAYLOAD_TOO_LARGE', 'MALFORMED_PAYLOAD', 'INVALID_PAYLOAD'],
    });
    expect(responses['400'].content['application/json'].examples.PAYLOAD_TOO_LARGE.value).toEqual({
      status: 'fail',
      message: {
        code: 'PAYLOAD_TOO_LARGE',
        title: 'Too Big',
        description: 'At most 1 MB.',
        category: 'danger',
      },
      data: [],
    });
    expect(responses['201'].content['application/json'].schema.properties.status).toEqual({
      type: 'string',
      enum: ['ok'],
    });
    expect(responses['500'].content['application/json'].schema.properties.status.enum).toEqual([
      'exception',
    ]);
    expect(responses['400'].description).toContain(
      '- `PAYLOAD_TOO_LARGE` Too Big: the body is over 10 MB',
    );
  });

  it('describes the data of an INVALID_PAYLOAD-only response as the list of issues', () => {
    const api = compiled({ payloadSchema: { qty: Int }, payloadValidation: 'strict' });
    const catalog = ResponseCatalog.fromRows([
      { code: 'MALFORMED_PAYLOAD', title: 'Bad JSON', description: 'No.', httpStatus: 422 },
    ]);
    const responses = apiOperation(api, [], context(catalog)).operation.responses as Json;
    const data = responses['400'].content['application/json'].schema.properties.data;
    expect(data.type).toBe('array');
    expect(data.items.required).toEqual(['path', 'code', 'message']);
    expect(
      responses['422'].content['application/json'].schema.properties.data.type,
    ).toBeUndefined();
  });

  it('documents X-Request-Id everywhere, Allow on 405, Retry-After and the rate-limit fields on 429, the fields on success', () => {
    const responses = apiOperation(compiled(), [], context()).operation.responses as Json;
    expect(Object.keys(responses['405'].headers)).toEqual(['X-Request-Id', 'Allow']);
    expect(Object.keys(responses['429'].headers)).toEqual([
      'X-Request-Id',
      'RateLimit-Policy',
      'RateLimit',
      'Retry-After',
    ]);
    expect(Object.keys(responses['200'].headers)).toEqual([
      'X-Request-Id',
      'RateLimit-Policy',
      'RateLimit',
    ]);
    const unlimited = apiOperation(compiled({ limits: { request: null } }), [], context()).operation
      .responses as Json;
    expect(Object.keys(unlimited['200'].headers)).toEqual(['X-Request-Id']);
    expect(unlimited['429']).toBeUndefined();
  });

  it("documents the fields rateLimit.headers chose: draft-6's three, or none", () => {
    const draft6 = apiOperation(compiled(), [], context(undefined, 'draft-6')).operation
      .responses as Json;
    expect(Object.keys(draft6['200'].headers)).toEqual([
      'X-Request-Id',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
    ]);
    const none = apiOperation(compiled(), [], context(undefined, false)).operation
      .responses as Json;
    expect(Object.keys(none['200'].headers)).toEqual(['X-Request-Id']);
    expect(Object.keys(none['429'].headers)).toEqual(['X-Request-Id', 'Retry-After']);
  });

  it('writes the rate limit as x-ratelimit, and none when the limit is off', () => {
    const api = compiled({ limits: { request: '5/h' } });
    expect(apiOperation(api, [], context()).operation['x-ratelimit']).toEqual({
      limit: 5,
      windowSeconds: 3600,
      rate: '5/h',
      per: 'user, or client IP when anonymous',
      sharedBy: 'shop__items',
    });
    const off = compiled({ limits: { request: null } });
    expect(apiOperation(off, [], context()).operation).not.toHaveProperty('x-ratelimit');
  });

  it('offers the strategies as alternatives, and anonymous access too unless a permission gates it', () => {
    const open = apiOperation(compiled({ auth: ['jwt', 'apiKey'] }), [], context()).operation;
    expect(open.security).toEqual([{ jwt: [] }, { apiKey: [] }, {}]);
    const gated = compiled({ auth: ['jwt'], permissions: [IsAuthenticated] });
    expect(apiOperation(gated, [], context()).operation.security).toEqual([{ jwt: [] }]);
    expect(apiOperation(compiled(), [], context()).operation).not.toHaveProperty('security');
  });

  it('writes the request body with its limits in words, and none for GET', () => {
    const api = compiled({
      payloadSchema: { qty: Int },
      payloadValidation: 'basic',
      maxPayloadSize: 0.5,
      maxPayloadDepth: 3,
    });
    expect(apiOperation(api, [], context()).operation.requestBody).toEqual({
      description: 'JSON, at most 0.5 MB, nested at most 3 level(s). Checked in basic mode.',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              qty: { type: 'integer', minimum: -(2 ** 53 - 1), maximum: 2 ** 53 - 1 },
            },
          },
        },
      },
    });
    const get = compiled({
      method: 'GET',
      payloadSchema: { qty: Int },
      payloadValidation: 'strict',
    });
    expect(apiOperation(get, [], context()).operation).not.toHaveProperty('requestBody');
  });

  it('takes any JSON without validation, and no body at all when validation is on with no schema', () => {
    const open = compiled({ maxPayloadSize: null });
    expect(apiOperation(open, [], context()).operation.requestBody).toEqual({
      description: 'JSON, nested at most 20 level(s). Any JSON; not validated.',
      content: { 'application/json': { schema: {} } },
    });
    const none = apiOperation(compiled({ payloadValidation: 'strict' }), [], context()).operation;
    expect(none).not.toHaveProperty('requestBody');
    const responses = none.responses as Json;
    expect(
      responses['400'].content['application/json'].schema.properties.message.properties.code.enum,
    ).toContain('PAYLOAD_NOT_ALLOWED');
  });
});

describe('apiOperations: patterns, parameters and deprecation', () => {
  const orders = (fields: Partial<MindoffApiOptions> = {}) =>
    compiled(
      { method: 'get', params: { order_id: Int }, ...fields },
      {
        version: 1,
        apiPath: 'orders/get_order/:order_id',
        apiPaths: ['orders/get_order/:order_id', 'orders/:order_id'],
        versions: [1],
      },
    );

  it('writes one operation per pattern, the first keeping the API id', () => {
    const operations = apiOperations(orders(), [], context());
    expect(operations.map((o) => [o.path, o.operation.operationId])).toEqual([
      ['/v1/orders/get_order/{order_id}/', 'shop__items_v1'],
      ['/v1/orders/{order_id}/', 'shop__items_v1_2'],
    ]);
  });

  it('types path parameters from params and lists the query keys', () => {
    const api = orders({
      query: { include_items: Optional(Boolean), tag: ListOf(String), page: Int },
    });
    const [first] = apiOperations(api, [], context());
    expect(first!.operation.parameters).toEqual([
      {
        name: 'order_id',
        in: 'path',
        required: true,
        schema: expect.objectContaining({ type: 'integer' }),
      },
      {
        name: 'include_items',
        in: 'query',
        required: false,
        schema: { type: ['boolean', 'null'] },
      },
      {
        name: 'tag',
        in: 'query',
        required: true,
        schema: { type: 'array', items: { type: 'string' } },
        style: 'form',
        explode: true,
      },
      {
        name: 'page',
        in: 'query',
        required: true,
        schema: expect.objectContaining({ type: 'integer' }),
      },
    ]);
  });

  it('marks a deprecated version deprecated, and no other', () => {
    const [deprecated] = apiOperations(
      orders({ deprecated: { sunset: '2027-06-30' } }),
      [],
      context(),
    );
    expect(deprecated!.operation.deprecated).toBe(true);
    const responses = deprecated!.operation.responses as Json;
    for (const status of Object.keys(responses)) {
      expect(Object.keys(responses[status].headers)).toEqual(
        expect.arrayContaining(['Deprecation', 'Sunset', 'Link']),
      );
    }
    expect(apiOperations(orders(), [], context())[0]!.operation).not.toHaveProperty('deprecated');
  });
});

describe('apiOperations: the data a queued task ends with', () => {
  it('writes x-mindoff-task-data from the responseSchema of a queue-mode API, and nothing otherwise', () => {
    const report = { total: Int, skus: [String] };
    const queued = apiOperation(
      compiled({ method: 'post', processMode: 'queue', responseSchema: report }),
      [],
      context(),
    ).operation;
    expect(queued['x-mindoff-task-data']).toEqual({
      type: 'object',
      properties: {
        total: expect.objectContaining({ type: 'integer' }),
        skus: { type: 'array', items: { type: 'string' } },
      },
      required: ['total', 'skus'],
    });
    const direct = apiOperation(compiled({ responseSchema: report }), [], context()).operation;
    expect(direct).not.toHaveProperty('x-mindoff-task-data');
    const plain = apiOperation(compiled({ processMode: 'queue' }), [], context()).operation;
    expect(plain).not.toHaveProperty('x-mindoff-task-data');
  });
});
