import Ajv2020 from 'ajv/dist/2020';
import { z } from 'zod';
import type { StandardSchemaV1 } from '../validation';
import { standardJsonSchema } from './standard-schema.json-schema';

const order = z.object({
  customer_id: z.string().min(1),
  qty: z.number().int().positive(),
  note: z.string().nullable(),
  gift: z.boolean().default(false),
});

describe('standardJsonSchema', () => {
  it("writes a zod schema's input as JSON Schema 2020-12 for OpenAPI 3.1, without $schema", () => {
    const components = {};
    expect(standardJsonSchema(order, 'OrderPayload', '3.1', components)).toEqual({
      type: 'object',
      properties: {
        customer_id: { type: 'string', minLength: 1 },
        qty: { type: 'integer', exclusiveMinimum: 0, maximum: Number.MAX_SAFE_INTEGER },
        note: { type: ['string', 'null'] },
        gift: { type: 'boolean', default: false },
      },
      required: ['customer_id', 'qty', 'note'],
    });
    expect(components).toEqual({});
  });

  it('writes the OpenAPI 3.0 form (nullable, boolean exclusiveMinimum) for a 3.0 document', () => {
    const schema = standardJsonSchema(order, 'OrderPayload', '3.0', {});
    expect(schema.properties).toMatchObject({
      qty: { type: 'integer', minimum: 0, exclusiveMinimum: true },
      note: { type: 'string', nullable: true },
    });
  });

  it('moves definitions into components and points their $refs there', () => {
    const item = z.object({ sku: z.string() }).meta({ id: 'OrderItem' });
    const components: Record<string, unknown> = {};
    const schema = standardJsonSchema(z.object({ a: item, b: item }), 'P', '3.1', components);
    expect(schema.properties).toEqual({
      a: { $ref: '#/components/schemas/OrderItem' },
      b: { $ref: '#/components/schemas/OrderItem' },
    });
    expect(components.OrderItem).toEqual({
      type: 'object',
      properties: { sku: { type: 'string' } },
      required: ['sku'],
    });
  });

  it('keeps a different schema under a taken name apart, with a suffix', () => {
    const components: Record<string, unknown> = { OrderItem: { type: 'string' } };
    const item = z.object({ sku: z.string() }).meta({ id: 'OrderItem' });
    const schema = standardJsonSchema(z.object({ a: item }), 'P', '3.1', components);
    expect(schema.properties).toEqual({ a: { $ref: '#/components/schemas/OrderItem_2' } });
    expect(components.OrderItem).toEqual({ type: 'string' });
  });

  it('turns a recursive root into a named component, so "#" never means the whole document', () => {
    const node: z.ZodType<{ name: string; children: unknown[] }> = z.object({
      name: z.string(),
      get children() {
        return z.array(node);
      },
    });
    const components: Record<string, unknown> = {};
    expect(standardJsonSchema(node, 'TreePayload', '3.1', components)).toEqual({
      $ref: '#/components/schemas/TreePayload',
    });
    expect(components.TreePayload).toMatchObject({
      properties: { children: { items: { $ref: '#/components/schemas/TreePayload' } } },
    });
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ $id: 'doc', components: { schemas: components } });
    const check = ajv.compile({ $ref: 'doc#/components/schemas/TreePayload' });
    expect(check({ name: 'a', children: [{ name: 'b', children: [] }] })).toBe(true);
    expect(check({ name: 'a', children: [{ name: 1, children: [] }] })).toBe(false);
  });

  it('uses a custom converter first, as SwaggerDocumentOptions.standardSchemaConverter does', () => {
    const components: Record<string, unknown> = {};
    const schema = standardJsonSchema(order, 'P', '3.1', components, () => ({
      schema: { $ref: '#/components/schemas/Custom' },
      components: { Custom: { type: 'object' } },
    }));
    expect(schema).toEqual({ $ref: '#/components/schemas/Custom' });
    expect(components).toEqual({ Custom: { type: 'object' } });
  });

  it('describes in words a schema whose vendor has no JSON Schema form', () => {
    const bare: StandardSchemaV1 = {
      '~standard': { version: 1, vendor: 'acme', validate: (value) => ({ value }) },
    };
    expect(standardJsonSchema(bare, 'P', '3.1', {})).toEqual({
      description: 'Validated by acme; it has no JSON Schema form.',
    });
  });

  it('describes in words a schema the vendor cannot convert (a zod date)', () => {
    expect(standardJsonSchema(z.object({ at: z.date() }), 'P', '3.1', {})).toEqual({
      description:
        'Validated by zod; no JSON Schema form: Date cannot be represented in JSON Schema',
    });
  });
});
