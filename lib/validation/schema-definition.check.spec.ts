import { Any, DictOf, Int, ListOf, Literal, Optional, Union, checkSchemaDefinition } from './index';

const FORMS =
  'use String, Number, Int, Boolean, Any, a { key: schema } object, [schema], ListOf, DictOf, Union, Literal or Optional';

describe('checkSchemaDefinition', () => {
  it('finds no problem in the seed order schema', () => {
    expect(
      checkSchemaDefinition({ customer_id: String, items: [{ sku: String, qty: Int }] }),
    ).toEqual([]);
  });

  it('finds no problem in any valid form at the top level or nested', () => {
    const forms = [
      String,
      Number,
      Int,
      Boolean,
      Any,
      {},
      [String],
      ListOf({ a: Int }),
      DictOf([Boolean]),
      Union(String, { a: Int }),
      Literal('A', 1, true),
      Optional({ a: Optional(Int) }),
      Object.assign(Object.create(null) as object, { a: String }),
    ];
    for (const form of forms) expect(checkSchemaDefinition(form)).toEqual([]);
  });

  it('allows the same marker or sub-schema to be used twice', () => {
    const item = { sku: String };
    expect(checkSchemaDefinition({ a: item, b: item, c: Int, d: Int })).toEqual([]);
  });

  it('rejects an empty list shorthand', () => {
    expect(checkSchemaDefinition({ items: [] })).toEqual([
      'payloadSchema.items: a list shorthand must hold exactly one schema, e.g. [String]; for a list of anything use [Any]',
    ]);
  });

  it('rejects a list shorthand with two schemas', () => {
    expect(checkSchemaDefinition({ items: [String, Int] })).toEqual([
      'payloadSchema.items: a list shorthand must hold exactly one schema, e.g. [String]; for items of several forms use [Union(A, B)]',
    ]);
  });

  it('rejects a string where a schema belongs, naming the value, its type and the forms', () => {
    expect(checkSchemaDefinition({ qty: 'foo' })).toEqual([
      `payloadSchema.qty: unsupported schema form 'foo' (string); ${FORMS}`,
    ]);
  });

  it.each([
    ['a number', 5, '5 (number)'],
    ['a boolean', true, 'true (boolean)'],
    ['the Date constructor', Date, 'Date (function)'],
    ['the Object constructor', Object, 'Object (function)'],
    ['the Array constructor', Array, 'Array (function)'],
    ['an arrow function', () => 1, 'an anonymous function (function)'],
    ['a Date instance', new Date(0), 'a Date instance (object)'],
    ['a Map', new Map(), 'a Map instance (object)'],
    ['a regular expression', /x/, 'a RegExp instance (object)'],
    ['a symbol', Symbol('s'), 'Symbol(s) (symbol)'],
    ['a bigint', 1n, '1n (bigint)'],
  ])('rejects %s as an unsupported form', (_what, value, shown) => {
    expect(checkSchemaDefinition({ a: value })).toEqual([
      `payloadSchema.a: unsupported schema form ${shown}; ${FORMS}`,
    ]);
  });

  it('rejects null with a hint to use Optional or Any', () => {
    expect(checkSchemaDefinition({ a: null })).toEqual([
      'payloadSchema.a: null is not a schema; use Optional(schema) to accept null, or Any',
    ]);
    expect(checkSchemaDefinition(null)).toEqual([
      'payloadSchema: null is not a schema; use Optional(schema) to accept null, or Any',
    ]);
  });

  it('rejects undefined with a hint about a missing import', () => {
    expect(checkSchemaDefinition({ a: undefined })).toEqual([
      `payloadSchema.a: the schema is undefined (a missing import or a typo?); ${FORMS}`,
    ]);
  });

  it('reports nested problems with list, builder and odd-key paths', () => {
    const schema = {
      items: [{ qty: 'int' }],
      // @ts-expect-error the types reject these too; the check covers untyped (JS) callers
      tags: ListOf(Date),
      // @ts-expect-error as above
      meta: DictOf(null),
      // @ts-expect-error as above
      'odd key': Optional(5),
      // @ts-expect-error as above
      id: Union(String, 'x'),
    };
    expect(checkSchemaDefinition(schema).map((p) => p.slice(0, p.indexOf(':')))).toEqual([
      'payloadSchema.items[*].qty',
      'payloadSchema.tags[*]',
      'payloadSchema.meta[*]',
      'payloadSchema["odd key"]',
      'payloadSchema.id (Union member 2)',
    ]);
  });

  it('rejects a Union with no members', () => {
    expect(checkSchemaDefinition({ id: Union() })).toEqual([
      'payloadSchema.id: Union needs at least one member, e.g. Union(String, Int)',
    ]);
  });

  it('rejects a Literal with no values', () => {
    expect(checkSchemaDefinition({ s: Literal() })).toEqual([
      "payloadSchema.s: Literal needs at least one value, e.g. Literal('A', 'B')",
    ]);
  });

  it('rejects Literal values that are not strings, finite numbers or booleans', () => {
    const values = [NaN, null, {}] as unknown as string[];
    expect(checkSchemaDefinition({ s: Literal('ok', ...values) })).toEqual([
      'payloadSchema.s: Literal value NaN must be a string, a finite number or a boolean',
      'payloadSchema.s: Literal value null must be a string, a finite number or a boolean',
      'payloadSchema.s: Literal value an object must be a string, a finite number or a boolean',
    ]);
  });

  it('rejects a schema that contains itself', () => {
    const schema: Record<string, unknown> = { a: String };
    schema.self = { again: schema };
    expect(checkSchemaDefinition(schema)).toEqual([
      'payloadSchema.self.again: the schema contains itself; cycles are not supported',
    ]);
  });

  it('rejects a forged builder of an unknown kind', () => {
    const forged = { [Symbol.for('mindoff.schemaKind')]: 'tuple' };
    expect(checkSchemaDefinition({ a: forged })).toEqual([
      `payloadSchema.a: unsupported schema form an object (object); ${FORMS}`,
    ]);
  });

  it('reports every problem at once and uses a custom root name', () => {
    expect(checkSchemaDefinition({ a: 'x', b: [] }, 'body')).toHaveLength(2);
    expect(checkSchemaDefinition('x', 'body')[0]).toMatch(/^body: unsupported schema form 'x'/);
  });
});
