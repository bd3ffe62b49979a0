import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import Ajv2020 from 'ajv/dist/2020';
import { MindoffConfigurationError, MindoffOpenApi } from 'mindoff';
import type { AddressInfo } from 'node:net';
import { ADAPTERS, call, type AdapterName } from '../support/http-app';
import { AccountDocsModule, OpenApiDocsModule, UnknownCodeModule } from './openapi.fixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- document fragments of any shape

const config = () => new DocumentBuilder().setTitle('Docs').setOpenAPIVersion('3.1.0').build();

async function create(module: Type<unknown> | DynamicModule, adapter: AdapterName) {
  const ref = await Test.createTestingModule({ imports: [module] }).compile();
  return adapter === 'fastify'
    ? ref.createNestApplication(new FastifyAdapter(), { logger: false })
    : ref.createNestApplication({ logger: false });
}

/** The fixture app serving its document at /docs-json, as an app would. */
async function serveDocs(adapter: AdapterName): Promise<{ app: INestApplication; url: string }> {
  const app = await create(OpenApiDocsModule, adapter);
  SwaggerModule.setup('docs', app, () => MindoffOpenApi.createDocument(app, config()), {
    ui: false,
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

/** A validator for any schema of `document`, its `$ref`s resolved. */
function schemaChecker(document: OpenAPIObject) {
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ $id: 'doc', components: document.components });
  return (schema: Json) => ajv.compile({ $id: `s${Math.random()}`, ...(rebase(schema) as Json) });
}

/** `value` with its `$ref`s pointed into the document registered as `doc`. */
function rebase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebase);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === '$ref' ? `doc${v as string}` : rebase(v)]),
  );
}

const good = { customer_id: 'c_1', items: [{ sku: 'tea', qty: 2 }] };

describe.each(ADAPTERS)('the OpenAPI document on %s', (adapter) => {
  let server: { app: INestApplication; url: string };
  let doc: Json;
  beforeAll(async () => {
    server = await serveDocs(adapter);
    const res = await call(server.url, 'GET', '/docs-json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(() => server.app.close());

  const op = (path: string, method: string): Json => doc.paths[path][method];
  const body = (path: string, method: string): Json =>
    op(path, method).requestBody.content['application/json'].schema;

  it('is OpenAPI 3.1 with one path per API version, each under its one declared method', () => {
    expect(doc.openapi).toBe('3.1.0');
    const methods = Object.fromEntries(
      Object.entries(doc.paths)
        .filter(([path]) => /^\/v\d+\//.test(path))
        .map(([path, item]) => [path, Object.keys(item as object)]),
    );
    expect(methods).toEqual({
      '/v1/orders/create_order/': ['post'],
      '/v2/orders/create_order/': ['post'],
      '/v1/zod/create_order/': ['post'],
      '/v1/dto/create_order/': ['put'],
      '/v1/dto/add_note/': ['post'],
      '/v1/account/get_profile/': ['get'],
      '/v1/account/items/{item_id}/': ['patch'],
      '/v1/jobs/report/': ['post'],
    });
    expect(JSON.stringify(doc)).not.toContain('handleMindoffRequest');
  });

  it('names each operation by urlName and version, with its summary, description and app tag', () => {
    expect(op('/v1/orders/create_order/', 'post')).toMatchObject({
      operationId: 'orders__create_order_v1',
      summary: 'Create Order',
      description: 'Places an order.',
      tags: ['orders'],
    });
    expect(op('/v2/orders/create_order/', 'post').operationId).toBe('orders__create_order_v2');
    expect(op('/v1/account/items/{item_id}/', 'patch').parameters).toEqual([
      { name: 'item_id', in: 'path', required: true, schema: { type: 'string' } },
    ]);
  });

  it('writes the shorthand body per version (v2 adds the Optional note)', () => {
    const v1 = body('/v1/orders/create_order/', 'post');
    expect(v1).toEqual({
      type: 'object',
      properties: {
        customer_id: { type: 'string' },
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              sku: { type: 'string' },
              qty: { type: 'integer', minimum: -(2 ** 53 - 1), maximum: 2 ** 53 - 1 },
            },
            required: ['sku', 'qty'],
          },
        },
      },
      required: ['customer_id', 'items'],
    });
    expect(body('/v2/orders/create_order/', 'post').properties.note).toEqual({
      type: ['string', 'null'],
    });
    expect(op('/v2/orders/create_order/', 'post').requestBody.description).toBe(
      'JSON, at most 10 MB, nested at most 4 level(s). Checked in strict mode.',
    );
  });

  it('writes the zod body from its own JSON Schema', () => {
    expect(body('/v1/zod/create_order/', 'post')).toMatchObject({
      type: 'object',
      properties: {
        customer_id: { type: 'string', minLength: 1 },
        items: {
          type: 'array',
          items: { properties: { qty: { type: 'integer', exclusiveMinimum: 0 } } },
        },
      },
      required: ['customer_id', 'items'],
    });
  });

  it('writes the class-validator DTO body as components from its metadata', () => {
    expect(body('/v1/dto/create_order/', 'put')).toEqual({
      $ref: '#/components/schemas/PlaceOrderDto',
    });
    expect(doc.components!.schemas!.PlaceOrderDto).toEqual({
      type: 'object',
      title: 'PlaceOrderDto',
      properties: {
        customer_id: { type: 'string', minLength: 1 },
        items: { type: 'array', items: { $ref: '#/components/schemas/OrderLineDto' } },
        note: { type: ['string', 'null'] },
      },
      required: ['customer_id', 'items'],
    });
  });

  it("uses swagger's own model for a DTO described with @ApiProperty", () => {
    expect(body('/v1/dto/add_note/', 'post')).toEqual({
      $ref: '#/components/schemas/DocumentedNoteDto',
    });
    expect(doc.components!.schemas!.DocumentedNoteDto).toMatchObject({
      properties: {
        text: { type: 'string', description: 'What to remember', example: 'call back' },
      },
    });
  });

  it.each([
    ['/v1/orders/create_order/', 'post', '/v1/orders/create_order/'],
    ['/v1/zod/create_order/', 'post', '/v1/zod/create_order/'],
    ['/v1/dto/create_order/', 'put', '/v1/dto/create_order/'],
  ])(
    '%s: the documented body schema accepts exactly what the API accepts',
    async (path, method, url) => {
      const check = schemaChecker(doc as OpenAPIObject)(body(path, method));
      const bodies = [
        good,
        { ...good, items: [{ sku: 'tea', qty: 1.5 }] },
        { ...good, items: [{ sku: 'tea', qty: '2' }] },
        { items: [] },
        { ...good, customer_id: 7 },
        { ...good, extra: true },
      ];
      for (const sent of bodies) {
        const res = await call(server.url, method.toUpperCase(), url, { json: sent });
        expect([sent, check(sent)]).toEqual([sent, res.status < 300]);
      }
    },
  );

  it('lists the response codes of each API under the status the catalog gives them', () => {
    const codesByStatus = (path: string, method: string) =>
      Object.fromEntries(
        Object.entries(op(path, method).responses as Json).map(([status, response]) => [
          status,
          response.content['application/json'].schema.properties.message.properties.code.enum,
        ]),
      );
    expect(codesByStatus('/v1/orders/create_order/', 'post')).toEqual({
      '200': ['SUCCESS'],
      '201': ['ORDER_CREATED'],
      '400': ['PAYLOAD_TOO_LARGE', 'MALFORMED_PAYLOAD', 'INVALID_PAYLOAD'],
      '405': ['INVALID_METHOD'],
      '415': ['UNSUPPORTED_MEDIA_TYPE'],
      '429': ['API_RATE_LIMITED'],
      '500': ['UNEXPECTED_ERR'],
      '503': ['RATE_LIMIT_UNAVAILABLE'],
    });
    expect(codesByStatus('/v2/orders/create_order/', 'post')['201']).toEqual(['ORDER_CREATED']);
    expect(codesByStatus('/v1/account/get_profile/', 'get')).toEqual({
      '200': ['SUCCESS'],
      '401': ['AUTHENTICATION_FAILED', 'NOT_AUTHENTICATED'],
      '403': ['PERMISSION_DENIED'],
      '405': ['INVALID_METHOD'],
      '429': ['API_RATE_LIMITED'],
      '500': ['UNEXPECTED_ERR'],
      '503': ['RATE_LIMIT_UNAVAILABLE'],
    });
    expect(codesByStatus('/v1/jobs/report/', 'post')).toMatchObject({
      '200': ['QUEUED'],
      '503': ['RATE_LIMIT_UNAVAILABLE', 'QUEUE_SERVICE_UNAVAILABLE'],
    });
  });

  it('describes real answers: each envelope the API sends matches its documented response', async () => {
    const validate = schemaChecker(doc as OpenAPIObject);
    const answers = [
      await call(server.url, 'POST', '/v1/orders/create_order/', { json: good }),
      await call(server.url, 'POST', '/v1/orders/create_order/', { json: { items: 1 } }),
      await call(server.url, 'GET', '/v1/orders/create_order/'),
      await call(server.url, 'POST', '/v1/orders/create_order/', {
        body: 'x',
        headers: { 'content-type': 'text/plain' },
      }),
      await call(server.url, 'GET', '/v1/account/get_profile/', {
        headers: { authorization: 'Bearer nope' },
      }),
    ];
    expect(answers.map((a) => a.status)).toEqual([201, 400, 405, 415, 401]);
    const documented = [
      ['/v1/orders/create_order/', 'post'],
      ['/v1/orders/create_order/', 'post'],
      ['/v1/orders/create_order/', 'post'],
      ['/v1/orders/create_order/', 'post'],
      ['/v1/account/get_profile/', 'get'],
    ];
    answers.forEach((answer, i) => {
      const response = op(documented[i][0], documented[i][1]).responses[String(answer.status)];
      const check = validate(response.content['application/json'].schema);
      expect([answer.body, check(answer.body)]).toEqual([answer.body, true]);
    });
  });

  it('requires the bearer strategy where the API has auth, adding a scheme for it', () => {
    expect(op('/v1/account/get_profile/', 'get').security).toEqual([{ bearer: [] }]);
    expect(op('/v1/orders/create_order/', 'post').security).toBeUndefined();
    expect(doc.components!.securitySchemes!.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('states the rate limit as x-ratelimit, and none where it is off', () => {
    expect(op('/v1/orders/create_order/', 'post')['x-ratelimit']).toEqual({
      limit: 100,
      windowSeconds: 60,
      rate: '100/m',
      per: 'user, or client IP when anonymous',
      sharedBy: 'orders__create_order',
    });
    expect(op('/v1/jobs/report/', 'post')['x-ratelimit']).toMatchObject({ rate: '30/m' });
    expect(op('/v1/account/get_profile/', 'get')['x-ratelimit']).toBeUndefined();
  });
});

describe('MindoffOpenApi.createDocument', () => {
  it('refuses to run before the app has started, saying to pass it as a document factory', async () => {
    const app = await create(OpenApiDocsModule, 'express');
    expect(() => MindoffOpenApi.createDocument(app, config())).toThrow(
      "pass it as a document factory, SwaggerModule.setup('docs', app, () => MindoffOpenApi.createDocument(app, config))",
    );
    await app.close();
  });

  it('refuses to start when an API declares codes the catalog lacks, naming the class and the fix', async () => {
    const app = await create(UnknownCodeModule, 'express');
    let error: unknown;
    try {
      await app.init();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MindoffConfigurationError);
    expect((error as MindoffConfigurationError).problems).toEqual([
      expect.stringMatching(
        /^ShipV1: @MindoffResponseCodes names 'ORDER_SHIPPED'.*add a row for it/,
      ),
      expect.stringMatching(/^ShipV1: @MindoffResponseCodes names 'ORDER_LOST'/),
    ]);
    await app.close();
  });

  it("follows swagger's include option (with deepScanRoutes for the version maps)", async () => {
    const app = await create(OpenApiDocsModule, 'express');
    await app.init();
    const deep = MindoffOpenApi.createDocument(app, config(), {
      include: [AccountDocsModule],
      deepScanRoutes: true,
    });
    const mindoffPaths = (document: OpenAPIObject) =>
      Object.keys(document.paths).filter((path) => /^\/v\d+\//.test(path));
    expect(mindoffPaths(deep)).toEqual([
      '/v1/account/get_profile/',
      '/v1/account/items/{item_id}/',
      '/v1/jobs/report/',
    ]);
    const shallow = MindoffOpenApi.createDocument(app, config(), { include: [AccountDocsModule] });
    expect(mindoffPaths(shallow)).toEqual([]);
    await app.close();
  });

  it('writes OpenAPI 3.0 schemas for a 3.0 document', async () => {
    const app = await create(OpenApiDocsModule, 'express');
    await app.init();
    const doc = MindoffOpenApi.createDocument(app, new DocumentBuilder().build()) as Json;
    expect(doc.openapi).toBe('3.0.0');
    const v2 = doc.paths['/v2/orders/create_order/'].post.requestBody.content['application/json'];
    expect(v2.schema.properties.note).toEqual({ type: 'string', nullable: true });
    await app.close();
  });

  it("leaves mindoff's catch-all route out of SwaggerModule.createDocument's own scan", async () => {
    const app = await create(OpenApiDocsModule, 'express');
    await app.init();
    const plain = SwaggerModule.createDocument(app, config());
    expect(Object.keys(plain.paths).filter((path) => path.startsWith('/v'))).toEqual([]);
    await app.close();
  });
});
