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
  type ValidationMode,
} from './index';

const check = (schema: ShorthandSchema, value: unknown, mode: ValidationMode = 'strict') =>
  compileShorthand(schema, { mode }).validate(value);

describe('compileShorthand: primitives', () => {
  it.each([
    ['String', String, 'text', 1],
    ['Number', Number, 1.5, '1.5'],
    ['Int', Int, -3, 3.25],
    ['Boolean', Boolean, false, 'false'],
  ])('accepts a valid %s and rejects a wrong type', (_name, schema, good, bad) => {
    expect(check({ v: schema }, { v: good })).toBeNull();
    expect(check({ v: schema }, { v: bad })).toEqual([
      expect.objectContaining({ path: 'v', code: 'type' }),
    ]);
  });

  it.each([NaN, Infinity, -Infinity])('rejects %p for Number', (value) => {
    expect(check(Number, value)).toEqual([
      expect.objectContaining({ code: 'type', expected: 'number', received: 'number' }),
    ]);
  });

  it.each([true, 1.5, NaN, Infinity, '1', 2n])('rejects %p for Int', (value) => {
    expect(check(Int, value)).toEqual([
      expect.objectContaining({ code: 'type', expected: 'integer' }),
    ]);
  });

  it('accepts anything for Any, including null, and never looks inside', () => {
    for (const value of [null, 0, '', [], {}, { deep: [[[]]] }])
      expect(check({ a: Any }, { a: value })).toBeNull();
  });

  it('still requires a key declared as Any in strict mode', () => {
    expect(check({ a: Any }, {})).toEqual([
      expect.objectContaining({ path: 'a', code: 'required', expected: 'any' }),
    ]);
  });

  it.each([String, Number, Int, Boolean])(
    'rejects null and undefined for a non-Optional %p',
    (schema) => {
      expect(check({ v: schema }, { v: null })?.[0]).toMatchObject({
        code: 'type',
        received: 'null',
      });
      expect(check({ v: schema }, { v: undefined })?.[0]).toMatchObject({
        code: 'type',
        received: 'undefined',
      });
    },
  );
});

describe('compileShorthand: Optional', () => {
  const schema = { name: String, note: Optional(String) };

  it('lets an Optional key be absent even in strict mode', () => {
    expect(check(schema, { name: 'a' })).toBeNull();
  });

  it('accepts null and undefined for an Optional value', () => {
    expect(check(schema, { name: 'a', note: null })).toBeNull();
    expect(check(schema, { name: 'a', note: undefined })).toBeNull();
  });

  it('still checks a present Optional value and expects its type or null', () => {
    expect(check(schema, { name: 'a', note: 5 })).toEqual([
      {
        path: 'note',
        code: 'type',
        message: 'note must be a string, got number 5',
        expected: 'string',
        received: 'number',
      },
    ]);
  });

  it('reports an Optional dict key as type-checked but not required when it holds an object schema', () => {
    const nested = { meta: Optional({ id: Int }) };
    expect(check(nested, {})).toBeNull();
    expect(check(nested, { meta: {} })).toEqual([
      expect.objectContaining({ path: 'meta.id', code: 'required' }),
    ]);
  });
});

describe('compileShorthand: lists and dicts', () => {
  it('checks every item of ListOf like the list shorthand', () => {
    expect(check(ListOf(Int), [1, 2, 3])).toBeNull();
    expect(check(ListOf(Int), [1, 'x', 3, 'y'])?.map((i) => i.path)).toEqual(['[1]', '[3]']);
    expect(check([Int], [1, 'x'])?.map((i) => i.path)).toEqual(['[1]']);
  });

  it('checks every own value of DictOf and renders odd keys with brackets and JSON quotes', () => {
    const schema = { meta: DictOf(Int) };
    expect(check(schema, { meta: { a: 1, b: 2 } })).toBeNull();
    expect(check(schema, { meta: { ok: 1, 'a b': 'x', '0': 'y' } })?.map((i) => i.path)).toEqual([
      'meta["0"]',
      'meta["a b"]',
    ]);
  });

  it('rejects an array for DictOf', () => {
    expect(check(DictOf(String), ['a'])).toEqual([
      expect.objectContaining({ path: '', received: 'array' }),
    ]);
  });

  it('renders a declared key that is not an identifier with brackets', () => {
    expect(check({ 'first name': String }, {})?.[0]).toMatchObject({
      path: '["first name"]',
      message: `Missing key 'first name' in payload`,
    });
  });

  it('checks nested lists of lists', () => {
    expect(check({ grid: [[Int]] }, { grid: [[1], [2, 'x']] })?.[0].path).toBe('grid[1][1]');
  });

  it('accepts a top-level list shorthand', () => {
    expect(check([{ sku: String }], [{ sku: 'a' }])).toBeNull();
    expect(check([{ sku: String }], {})?.[0]).toMatchObject({
      path: '',
      expected: 'array',
      received: 'object',
    });
  });
});

describe('compileShorthand: Union and Literal', () => {
  it('accepts a value that matches any Union member', () => {
    const schema = { id: Union(String, Int) };
    expect(check(schema, { id: 'a' })).toBeNull();
    expect(check(schema, { id: 3 })).toBeNull();
  });

  it('reports one union issue naming every member when none matches', () => {
    expect(check({ id: Union(String, Int) }, { id: 1.5 })).toEqual([
      {
        path: 'id',
        code: 'union',
        message: 'id must match one of string | integer, got number 1.5',
        expected: 'string | integer',
        received: 'number',
      },
    ]);
  });

  it('reports a failing union of dicts as one issue, not the members’ inner issues', () => {
    const schema = Union({ kind: Literal('a'), a: Int }, { kind: Literal('b'), b: String });
    expect(check(schema, { kind: 'a', a: 1 })).toBeNull();
    expect(check(schema, { kind: 'b', b: 'x' })).toBeNull();
    expect(check(schema, { kind: 'b', b: 1 })).toEqual([
      expect.objectContaining({ path: '', code: 'union' }),
    ]);
  });

  it('applies the mode inside union members', () => {
    const schema = Union({ a: String }, Int);
    expect(check(schema, {}, 'strict')?.[0].code).toBe('union');
    expect(check(schema, {}, 'basic')).toBeNull();
  });

  it('accepts a value === one of the literals and rejects the rest with code literal', () => {
    const schema = { status: Literal('A', 'B', 1, true) };
    for (const value of ['A', 'B', 1, true]) expect(check(schema, { status: value })).toBeNull();
    expect(check(schema, { status: 'C' })).toEqual([
      {
        path: 'status',
        code: 'literal',
        message: `status must be one of 'A' | 'B' | 1 | true, got string "C"`,
        expected: `'A' | 'B' | 1 | true`,
        received: 'string',
      },
    ]);
    expect(check(schema, { status: '1' })?.[0].code).toBe('literal');
  });

  it('shortens a long received string in a literal message', () => {
    const message = check(Literal('A'), 'x'.repeat(500))?.[0].message ?? '';
    expect(message.length).toBeLessThan(100);
  });
});
