import { DocumentBuilder } from '@nestjs/swagger';
import { MindoffOpenApi } from 'mindoff';
import { EnvelopeModule } from '../fixtures/envelope.module';
import { OrdersController } from '../fixtures/envelope.controllers';
import { ADAPTERS, startApp, type RunningApp } from '../support/http-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- document fragments of any shape

const config = () => new DocumentBuilder().setTitle('Shop').setOpenAPIVersion('3.1.0').build();

/** The codes an envelope response lists, by status. */
function codesByStatus(operation: Json): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(operation.responses as Json).map(([status, response]) => [
      status,
      response.content?.['application/json']?.schema?.properties?.message?.properties?.code?.enum,
    ]),
  );
}

describe.each(ADAPTERS)('the OpenAPI document of enveloped plain routes on %s', (adapter) => {
  let server: RunningApp;
  let doc: Json;
  beforeAll(async () => {
    server = await startApp(EnvelopeModule.with({ mindoff: {} }), adapter);
    doc = MindoffOpenApi.createDocument(server.app, config());
  });
  afterAll(() => server.close());

  it("describes the success as the SUCCESS envelope with swagger's schema of the result as data", () => {
    const success = doc.paths['/orders/one'].get.responses['200'];
    const schema = success.content['application/json'].schema;
    expect(schema.required).toEqual(['status', 'message', 'data']);
    expect(schema.properties.message.properties.code.enum).toEqual(['SUCCESS']);
    expect(schema.properties.data).toEqual({ $ref: '#/components/schemas/OrderView' });
    expect(doc.components.schemas.OrderView).toBeDefined();
  });

  it('lists the error envelopes by status: declared ones, body ones for a body, UNEXPECTED_ERR always', () => {
    expect(codesByStatus(doc.paths['/orders/missing'].get)).toEqual({
      '200': ['SUCCESS'],
      '404': ['RESOURCE_NOT_FOUND'],
      '500': ['UNEXPECTED_ERR'],
    });
    expect(doc.paths['/orders/missing'].get.responses['404'].description).toContain(
      'the order does not exist',
    );
    expect(codesByStatus(doc.paths['/orders'].post)).toEqual({
      '200': ['SUCCESS'],
      '400': ['INVALID_PAYLOAD', 'MALFORMED_PAYLOAD'],
      '500': ['UNEXPECTED_ERR'],
    });
  });

  it("puts the success at @HttpCode()'s status, and a POST's at the catalog's instead of 201", () => {
    expect(Object.keys(doc.paths['/orders/accepted'].get.responses)).toEqual(['202', '500']);
    expect(doc.paths['/orders'].post.responses['201']).toBeUndefined();
  });

  it('leaves a file response, an @Sse() stream and undecorated routes as swagger wrote them', () => {
    expect(doc.paths['/orders/export'].get.responses['200'].content).toEqual({ 'text/csv': {} });
    expect(codesByStatus(doc.paths['/orders/events'].get)).toEqual({ '200': undefined });
    expect(doc.paths['/status'].get.responses).toEqual({ '200': { description: '' } });
    expect(codesByStatus(doc.paths['/status/version'].get)['200']).toEqual(['SUCCESS']);
  });

  it("leaves no trace of its marks in the document or on the handlers' metadata", () => {
    expect(JSON.stringify(doc)).not.toContain('x-mindoff-envelope');
    expect(Reflect.getMetadata('swagger/apiExtension', OrdersController.prototype.one)).toBe(
      undefined,
    );
  });
});

describe("the OpenAPI document with envelope: 'all'", () => {
  it('describes every plain route with envelopes and mindoff APIs as before', async () => {
    const server = await startApp(EnvelopeModule.with({ mindoff: { envelope: 'all' } }), 'express');
    try {
      const doc: Json = MindoffOpenApi.createDocument(server.app, config());
      expect(codesByStatus(doc.paths['/plain'].get)).toEqual({
        '200': ['SUCCESS'],
        '500': ['UNEXPECTED_ERR'],
      });
      expect(codesByStatus(doc.paths['/status'].get)['200']).toEqual(['SUCCESS']);
      expect(doc.paths['/v1/shop/ping/'].get.operationId).toBe('shop__ping_v1');
    } finally {
      await server.close();
    }
  });
});
