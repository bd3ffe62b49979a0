import Ajv2020 from 'ajv/dist/2020';
import {
  Any,
  DictOf,
  Int,
  ListOf,
  Literal,
  Optional,
  Union,
  compileShorthand,
  type ShorthandSchema,
} from '../validation';
import { shorthandJsonSchema } from './shorthand.json-schema';

const strict31 = { strict: true, dialect: '3.1' } as const;
const SAFE_INT = { type: 'integer', minimum: -(2 ** 53 - 1), maximum: 2 ** 53 - 1 };

describe('shorthandJsonSchema', () => {
  it('writes the scalar forms as JSON Schema types', () => {
    expect(shorthandJsonSchema(String, strict31)).toEqual({ type: 'string' });
    expect(shorthandJsonSchema(Number, strict31)).toEqual({ type: 'number' });
    expect(shorthandJsonSchema(Int, strict31)).toEqual(SAFE_INT);
    expect(shorthandJsonSchema(Boolean, strict31)).toEqual({ type: 'boolean' });
    expect(shorthandJsonSchema(Any, strict31)).toEqual({});
  });

  it('writes lists, ListOf and DictOf', () => {
    expect(shorthandJsonSchema([String], strict31)).toEqual({
      type: 'array',
      items: { type: 'string' },
    });
    expect(shorthandJsonSchema(ListOf(Int), strict31)).toEqual({
      type: 'array',
      items: SAFE_INT,
    });
    expect(shorthandJsonSchema(DictOf(Boolean), strict31)).toEqual({
      type: 'object',
      additionalProperties: { type: 'boolean' },
    });
  });

  it('writes Union as anyOf and Literal as an enum, typed when the values share a type', () => {
    expect(shorthandJsonSchema(Union(String, Int), strict31)).toEqual({
      anyOf: [{ type: 'string' }, SAFE_INT],
    });
    expect(shorthandJsonSchema(Literal('draft', 'sent'), strict31)).toEqual({
      type: 'string',
      enum: ['draft', 'sent'],
    });
    expect(shorthandJsonSchema(Literal('a', 1, true), strict31)).toEqual({ enum: ['a', 1, true] });
  });

  it('requires every non-Optional dict key in strict mode and none in basic mode', () => {
    const schema = { id: String, note: Optional(String), items: [{ sku: String }] };
    expect(shorthandJsonSchema(schema, strict31)).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string' },
        note: { type: ['string', 'null'] },
        items: {
          type: 'array',
          items: { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] },
        },
      },
      required: ['id', 'items'],
    });
    expect(shorthandJsonSchema(schema, { strict: false, dialect: '3.1' })).not.toHaveProperty(
      'required',
    );
  });

  it('writes Optional as nullable in OpenAPI 3.0', () => {
    expect(shorthandJsonSchema({ note: Optional(Int) }, { strict: true, dialect: '3.0' })).toEqual({
      type: 'object',
      properties: { note: { ...SAFE_INT, nullable: true } },
    });
  });

  describe('accepts what the validator accepts (checked with ajv on the JSON Schema)', () => {
    const ajv = new Ajv2020({ strict: false });
    const cases: [string, ShorthandSchema, unknown[]][] = [
      [
        'order',
        { customer_id: String, items: [{ sku: String, qty: Int }] },
        [
          { customer_id: 'c', items: [{ sku: 'tea', qty: 2 }] },
          { customer_id: 'c', items: [{ sku: 'tea', qty: 1.5 }] },
          { customer_id: 'c', items: [{ sku: 'tea', qty: 2 ** 53 - 1 }] },
          { customer_id: 'c', items: [{ sku: 'tea', qty: 2 ** 53 }] },
          { customer_id: 'c', items: [{ sku: 'tea', qty: -(2 ** 53) }] },
          { customer_id: 'c', items: [{ sku: 'tea', qty: true }] },
          { customer_id: 'c', items: [{ sku: 'tea' }] },
          { customer_id: 'c', items: [], extra: 1 },
          { items: [] },
          [],
          null,
        ],
      ],
      [
        'optional and union',
        { note: Optional(Union(String, Int)), tags: DictOf(Literal('a', 'b')) },
        [
          { note: null, tags: {} },
          { tags: { x: 'a' } },
          { note: 2, tags: { x: 'c' } },
          { note: 2.5, tags: {} },
          { note: 'x' },
        ],
      ],
      ['any list', ListOf(Any), [[1, 'a', null], {}, 'x']],
    ];
    it.each(cases)('%s', (_name, schema, values) => {
      const validator = compileShorthand(schema, { mode: 'strict' });
      const check = ajv.compile(shorthandJsonSchema(schema, strict31));
      for (const value of values) {
        expect([value, check(value)]).toEqual([value, validator.validate(value) === null]);
      }
    });
  });
});
