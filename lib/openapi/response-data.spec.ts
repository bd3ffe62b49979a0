import { z } from 'zod';
import type { MindoffApiOptions } from '../interfaces/mindoff-api-options.interface';
import { compileApi, type CompiledApi } from '../registry/compiled-api';
import { ResponseCatalog } from '../responses';
import { Int, Optional } from '../validation';
import { apiOperations, type OperationContext } from './api-operation';

class GetItemV1Api {}

const compiled = (fields: Partial<MindoffApiOptions> = {}): CompiledApi =>
  compileApi(
    GetItemV1Api,
    { urlName: 'shop__item', name: 'Get Item', method: 'get', ...fields } as MindoffApiOptions,
    { version: 1, apiPath: 'shop/item', apiPaths: ['shop/item'], versions: [1] },
    [],
  );

const context = (): OperationContext => ({
  catalog: ResponseCatalog.fromRows([
    { code: 'ITEM_FOUND', title: 'Found', description: 'The item.', httpStatus: 200 },
  ]),
  rateLimitHeaders: 'draft-8',
  dialect: '3.1',
  components: {},
  isSwaggerModel: () => false,
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- document fragments of any shape

const ok = (api: CompiledApi, declared: string[] = []): Json =>
  (apiOperations(api, declared, context())[0]!.operation.responses as Json)['200'].content[
    'application/json'
  ].schema;

describe('the success response of an API with a responseSchema', () => {
  it('describes data with the JSON Schema of a shorthand, keys required as declared', () => {
    const schema = ok(
      compiled({ responseSchema: { id: String, qty: Int, note: Optional(String) } }),
    );
    expect(schema.properties.message.properties.code.enum).toEqual(['SUCCESS']);
    expect(schema.properties.data).toMatchObject({
      type: 'object',
      properties: {
        id: { type: 'string' },
        qty: { type: 'integer' },
        note: { type: ['string', 'null'] },
      },
      required: ['id', 'qty'],
      description: expect.stringContaining('undeclared keys are not sent'),
    });
  });

  it('describes data with the JSON Schema of a Standard Schema (zod 4)', () => {
    const schema = ok(compiled({ responseSchema: z.object({ id: z.string() }) }));
    expect(schema.properties.data).toMatchObject({
      type: 'object',
      properties: { id: { type: 'string' } },
      required: ['id'],
    });
  });

  it('splits a status SUCCESS shares with other codes into a oneOf told apart by message.code', () => {
    const schema = ok(compiled({ responseSchema: { id: String } }), ['ITEM_FOUND']);
    expect(schema.oneOf).toHaveLength(2);
    const [success, others] = schema.oneOf as Json[];
    expect(success.properties.message.properties.code.enum).toEqual(['SUCCESS']);
    expect(success.properties.data.properties).toEqual({ id: { type: 'string' } });
    expect(others.properties.message.properties.code.enum).toEqual(['ITEM_FOUND']);
    expect(others.properties.data).toEqual({ description: 'What the API returned.' });
  });

  it('leaves data undescribed without a responseSchema, and in queue mode (answered QUEUED)', () => {
    expect(ok(compiled()).properties.data).toEqual({ description: 'What the API returned.' });
    const queued = ok(
      compiled({ method: 'post', processMode: 'queue', responseSchema: { id: String } }),
    );
    expect(queued.properties.message.properties.code.enum).toEqual(['QUEUED']);
    expect(queued.properties.data).toEqual({ description: 'What the API returned.' });
  });
});
