import { documentedApis } from './openapi-apis';

const DESCRIBED = { description: 'What the API returned.' };

/** A mindoff envelope schema answering `codes`, its data described by `data` (none: left out). */
function envelope(codes: string[], data: unknown = DESCRIBED) {
  return {
    type: 'object',
    required: ['status', 'message', 'data'],
    properties: {
      status: { type: 'string', enum: ['ok'] },
      message: {
        type: 'object',
        properties: { code: { type: 'string', enum: codes }, title: { type: 'string' } },
      },
      ...(data === null ? {} : { data }),
    },
  };
}

function response(schema: unknown, examples: string[] = []) {
  return {
    description: 'answer',
    content: {
      'application/json': {
        schema,
        examples: Object.fromEntries(examples.map((code) => [code, { value: {} }])),
      },
    },
  };
}

const ORDER = {
  type: 'object',
  properties: { order_id: { type: 'integer' } },
  required: ['order_id'],
};

const getOrder = (operationId: string, extra: object = {}) => ({
  operationId,
  summary: 'Get Order',
  parameters: [
    { name: 'order_id', in: 'path', required: true, schema: { type: 'integer' } },
    { name: 'include_items', in: 'query', required: false, schema: { type: ['boolean', 'null'] } },
  ],
  responses: { '200': response(envelope(['SUCCESS'], ORDER), ['SUCCESS']) },
  ...extra,
});

function doc(paths: Record<string, unknown>, components: object = {}) {
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths, components };
}

describe('the API versions of a mindoff OpenAPI document', () => {
  it('merges the operations of one version (`_v1`, `_v1_2`) into its patterns, in order', () => {
    const { apis, warnings } = documentedApis(
      doc({
        '/api/v1/orders/{order_id}/': { get: getOrder('orders__get_order_v1_2') },
        '/api/v1/orders/get_order/{order_id}/': { get: getOrder('orders__get_order_v1') },
      }),
    );
    expect(warnings).toEqual([]);
    expect(apis).toEqual([
      {
        urlName: 'orders__get_order',
        version: 1,
        method: 'GET',
        paths: ['/api/v1/orders/get_order/:order_id/', '/api/v1/orders/:order_id/'],
        queued: false,
        summary: 'Get Order',
        deprecated: false,
        params: [{ name: 'order_id', required: true, schema: { type: 'integer' } }],
        query: [{ name: 'include_items', required: false, schema: { type: ['boolean', 'null'] } }],
        data: ORDER,
      },
    ]);
  });

  it('makes a path parameter of only some patterns optional', () => {
    const { apis } = documentedApis(
      doc({
        '/v1/orders/get_order/{order_id}/': { get: getOrder('orders__get_order_v1') },
        '/v1/orders/latest/': { get: { ...getOrder('orders__get_order_v1_2'), parameters: [] } },
      }),
    );
    expect(apis[0].paths).toEqual(['/v1/orders/get_order/:order_id/', '/v1/orders/latest/']);
    expect(apis[0].params).toEqual([
      { name: 'order_id', required: false, schema: { type: 'integer' } },
    ]);
  });

  it('keeps every version apart and reads deprecated, description and each body', () => {
    const body = (field: string) => ({
      content: {
        'application/json': {
          schema: { type: 'object', properties: { [field]: { type: 'string' } } },
        },
      },
    });
    const { apis } = documentedApis(
      doc({
        '/v1/shop/create_order/': {
          post: {
            operationId: 'shop__create_order_v1',
            deprecated: true,
            requestBody: body('name'),
            responses: {},
          },
        },
        '/v2/shop/create_order/': {
          post: {
            operationId: 'shop__create_order_v2',
            description: 'Newer',
            requestBody: body('email'),
            responses: {},
          },
        },
      }),
    );
    expect(apis.map((a) => [a.version, a.deprecated, a.description, a.payload])).toEqual([
      [1, true, undefined, body('name').content['application/json'].schema],
      [2, false, 'Newer', body('email').content['application/json'].schema],
    ]);
  });

  it('takes data from the SUCCESS branch of a oneOf, and none when SUCCESS documents no data', () => {
    const shared = { oneOf: [envelope(['SUCCESS'], ORDER), envelope(['ORDER_PENDING'])] };
    const { apis } = documentedApis(
      doc({
        '/v1/a/b/': { get: { operationId: 'a__b_v1', responses: { '200': response(shared) } } },
        '/v1/a/c/': {
          post: {
            operationId: 'a__c_v1',
            responses: {
              '201': response(envelope(['CREATED'], ORDER)),
              '200': response(envelope(['SUCCESS'], null)),
            },
          },
        },
      }),
    );
    expect(apis.map((a) => a.data)).toEqual([ORDER, undefined]);
    const described = documentedApis(
      doc({
        '/v1/a/d/': {
          get: { operationId: 'a__d_v1', responses: { '200': response(envelope(['SUCCESS'])) } },
        },
      }),
    );
    expect(described.apis[0].data).toEqual(DESCRIBED);
  });

  it("types a queued version's data with the task data mindoff documents", () => {
    const { apis } = documentedApis(
      doc({
        '/v1/jobs/report/': {
          post: {
            operationId: 'jobs__report_v1',
            responses: { '200': response(envelope(['QUEUED'])) },
            'x-mindoff-task-data': ORDER,
          },
        },
      }),
    );
    expect([apis[0].queued, apis[0].data]).toEqual([true, ORDER]);
  });

  it('marks a version queued when its 200 answer documents QUEUED (schema or example)', () => {
    const { apis } = documentedApis(
      doc({
        '/v1/jobs/report/': {
          post: {
            operationId: 'jobs__report_v1',
            responses: { '200': response(envelope(['QUEUED'])) },
          },
        },
        '/v1/jobs/other/': {
          post: { operationId: 'jobs__other_v1', responses: { '200': response({}, ['QUEUED']) } },
        },
        '/v1/jobs/plain/': {
          post: {
            operationId: 'jobs__plain_v1',
            responses: { '202': response(envelope(['QUEUED'])) },
          },
        },
      }),
    );
    expect(apis.map((a) => [a.urlName, a.queued])).toEqual([
      ['jobs__report', true],
      ['jobs__other', true],
      ['jobs__plain', false],
    ]);
  });

  it('reads the text fields of a multipart body and lists its files apart', () => {
    const form = {
      type: 'object',
      properties: {
        user_name: { type: 'string' },
        avatar: { type: 'string', format: 'binary' },
        photos: { type: 'array', items: { type: 'string', format: 'binary' } },
      },
      required: ['user_name', 'avatar'],
    };
    const refForm = {
      allOf: [
        { $ref: '#/components/schemas/Profile' },
        {
          type: 'object',
          properties: { avatar: { $ref: '#/components/schemas/File' } },
          required: ['avatar'],
        },
      ],
    };
    const post = (operationId: string, schema: unknown) => ({
      post: {
        operationId,
        requestBody: { content: { 'multipart/form-data': { schema } } },
        responses: {},
      },
    });
    const { apis } = documentedApis(
      doc(
        {
          '/v1/files/upload/': post('files__upload_v1', form),
          '/v1/files/ref/': post('files__ref_v1', refForm),
        },
        { schemas: { Profile: { type: 'object' }, File: { type: 'string', format: 'binary' } } },
      ),
    );
    expect(apis[0].files).toEqual([
      { name: 'avatar', required: true, list: false },
      { name: 'photos', required: false, list: true },
    ]);
    expect(apis[0].payload).toEqual({
      type: 'object',
      properties: { user_name: { type: 'string' } },
      required: ['user_name'],
    });
    expect(apis[1].files).toEqual([{ name: 'avatar', required: true, list: false }]);
    expect(apis[1].payload).toEqual({ allOf: [{ $ref: '#/components/schemas/Profile' }] });
  });

  it('follows $refs to parameters and request bodies, and merges path-item parameters', () => {
    const { apis } = documentedApis(
      doc(
        {
          '/v1/a/{id}/': {
            parameters: [{ $ref: '#/components/parameters/Id' }],
            post: {
              operationId: 'a__b_v1',
              parameters: [
                {
                  name: 'page',
                  in: 'query',
                  required: true,
                  schema: { type: 'integer' },
                  description: 'Page',
                },
              ],
              requestBody: { $ref: '#/components/requestBodies/Body' },
              responses: {},
            },
          },
        },
        {
          parameters: { Id: { name: 'id', in: 'path', schema: { type: 'string' } } },
          requestBodies: {
            Body: { content: { 'application/json': { schema: { type: 'boolean' } } } },
          },
        },
      ),
    );
    expect(apis[0].params).toEqual([{ name: 'id', required: true, schema: { type: 'string' } }]);
    expect(apis[0].query).toEqual([
      { name: 'page', required: true, schema: { type: 'integer' }, description: 'Page' },
    ]);
    expect(apis[0].payload).toEqual({ type: 'boolean' });
  });

  it('finds where the task endpoints are served', () => {
    const detail = { get: { operationId: 'mindoff_queue_detail', responses: {} } };
    expect(documentedApis(doc({ '/api/mindoff/queue/{queue_id}/': detail })).taskBase).toBe(
      '/api/mindoff/queue',
    );
    expect(documentedApis(doc({})).taskBase).toBeUndefined();
  });

  it('leaves out operations that are not mindoff API versions', () => {
    const op = (operationId: unknown) => ({ get: { operationId, responses: {} } });
    const { apis } = documentedApis(
      doc({
        '/health': op('HealthController_check'),
        '/v2/x/y/': op('x__y_v1'),
        '/v1/x/z/': op('9x__z_v1'),
        '/v1/x/w/': op(42),
        '/v1/x/q/': op('x__q_v1_1'),
        '/v1/x/r/': { get: 'not an operation', parameters: [] },
        '/mindoff/queue/{queue_id}/': op('mindoff_queue_detail'),
      }),
    );
    expect(apis).toEqual([]);
    for (const bad of [null, 'x', [], { paths: 'x' }, { paths: { '/v1/a/': null } }]) {
      expect(documentedApis(bad).apis).toEqual([]);
    }
  });

  it('warns about and leaves out a pattern the client cannot fill, or of another method', () => {
    const { apis, warnings } = documentedApis(
      doc({
        '/v1/a/b/{id}/': { get: { operationId: 'a__b_v1', responses: {} } },
        '/v1/a/{file-name}/': { get: { operationId: 'a__b_v1_2', responses: {} } },
        '/v1/a/x:y/': { get: { operationId: 'a__b_v1_3', responses: {} } },
        '/v1/a/c/': { post: { operationId: 'a__b_v1_4', responses: {} } },
        '/v1/only/{bad name}/': { get: { operationId: 'only__bad_v1', responses: {} } },
      }),
    );
    expect(apis.map((a) => [a.urlName, a.paths])).toEqual([['a__b', ['/v1/a/b/:id/']]]);
    expect(warnings).toEqual([
      'a__b v1: /v1/a/{file-name}/ left out; mindoff/client fills only :name parameters of letters, digits, _ and $.',
      'a__b v1: /v1/a/x:y/ left out; mindoff/client fills only :name parameters of letters, digits, _ and $.',
      'a__b v1: POST /v1/a/c/ left out; the version is GET.',
      'only__bad v1: /v1/only/{bad name}/ left out; mindoff/client fills only :name parameters of letters, digits, _ and $.',
    ]);
  });

  it('adds the trailing slash a pattern lacks', () => {
    const { apis } = documentedApis(
      doc({ '/v1/a/b': { get: { operationId: 'a__b_v1', responses: {} } } }),
    );
    expect(apis[0].paths).toEqual(['/v1/a/b/']);
  });

  it('stops at a $ref that refers to itself', () => {
    const { apis } = documentedApis(
      doc(
        {
          '/v1/a/b/': {
            post: {
              operationId: 'a__b_v1',
              requestBody: { $ref: '#/components/requestBodies/Loop' },
              responses: {},
            },
          },
        },
        { requestBodies: { Loop: { $ref: '#/components/requestBodies/Loop' } } },
      ),
    );
    expect(apis[0].payload).toBeUndefined();
  });

  it('stops at a form property whose list of items refers to itself', () => {
    const schema = { type: 'object', properties: { tree: { $ref: '#/components/schemas/Tree' } } };
    const { apis } = documentedApis(
      doc(
        {
          '/v1/a/b/': {
            post: {
              operationId: 'a__b_v1',
              requestBody: { content: { 'multipart/form-data': { schema } } },
              responses: {},
            },
          },
        },
        { schemas: { Tree: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } },
      ),
    );
    expect(apis[0].files).toEqual([]);
    expect(apis[0].payload).toEqual(schema);
  });
});
