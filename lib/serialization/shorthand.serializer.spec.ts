import { ownObject as own } from '../../test/support/shorthand-reference';
import {
  Any,
  DictOf,
  Int,
  ListOf,
  Literal,
  Optional,
  Union,
  type ShorthandSchema,
} from '../validation';
import { shorthandTree } from '../validation/shorthand.tree';
import { generateSerializer } from './serializer.codegen';
import { compileShorthandSerializer } from './shorthand.serializer';
import { HOSTILE_STRINGS as HOSTILE } from '../../test/support/hostile-strings';

const serializer = (schema: unknown) => compileShorthandSerializer(schema as ShorthandSchema);
const write = (schema: unknown, value: unknown) => serializer(schema)(value);

afterEach(() => {
  expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
});

describe('compileShorthandSerializer', () => {
  describe('each form', () => {
    it.each([
      ['String', String, 'tea', '"tea"'],
      ['Number', Number, 1.5, '1.5'],
      ['Number, large', Number, 1e21, '1e+21'],
      ['Number, -0', Number, -0, '0'],
      ['Int', Int, -3, '-3'],
      ['Boolean true', Boolean, true, 'true'],
      ['Boolean false', Boolean, false, 'false'],
      ['Any object', Any, { a: [1, null] }, '{"a":[1,null]}'],
      ['Any undefined', Any, undefined, 'null'],
      ['Any function', Any, () => 1, 'null'],
      ['Literal string', Literal('A', 'B'), 'B', '"B"'],
      ['Literal number', Literal(2, 1.5), 1.5, '1.5'],
      ['Literal boolean', Literal(true), true, 'true'],
      ['Optional, null', Optional(String), null, 'null'],
      ['Optional, undefined', Optional(String), undefined, 'null'],
      ['Optional, a value', Optional(Int), 4, '4'],
      ['list', [Int], [1, 2, 3], '[1,2,3]'],
      ['empty list', [String], [], '[]'],
      ['ListOf', ListOf(Boolean), [true, false], '[true,false]'],
      ['list of Optional', [Optional(Int)], [1, null, undefined], '[1,null,null]'],
      ['list of Any', [Any], [undefined, () => 1, 'x'], '[null,null,"x"]'],
      ['DictOf', DictOf(Int), { a: 1, b: 2 }, '{"a":1,"b":2}'],
      ['empty DictOf', DictOf(Int), {}, '{}'],
      ['Union, first member', Union(Int, String), 3, '3'],
      ['Union, second member', Union(Int, String), 'x', '"x"'],
    ])('writes %s', (_name, schema, value, json) => {
      expect(write(schema, value)).toBe(json);
    });

    it('writes nested lists and dicts', () => {
      const schema = {
        order: { items: [{ sku: String, tags: [[String]] }] },
        counts: DictOf([Int]),
      };
      const value = { order: { items: [{ sku: 'a', tags: [['x'], []] }] }, counts: { a: [1] } };
      expect(write(schema, value)).toBe(JSON.stringify(value));
    });

    it('writes the declared keys in schema order', () => {
      expect(write({ b: Int, a: Int }, { a: 1, b: 2 })).toBe('{"b":2,"a":1}');
    });
  });

  describe('undeclared keys', () => {
    it('drops every key the schema does not declare, at every level', () => {
      const schema = { id: String, items: [{ sku: String }] };
      const value = { id: 'o', secret: 'x', items: [{ sku: 'a', cost: 3 }], password: 'p' };
      expect(write(schema, value)).toBe('{"id":"o","items":[{"sku":"a"}]}');
    });

    it('keeps every key of a DictOf, and everything under Any', () => {
      const value = { a: { deep: [1, { x: 2 }] }, b: 'x' };
      expect(write({ meta: DictOf(Any) }, { meta: value })).toBe(JSON.stringify({ meta: value }));
    });

    it('reads only own properties: inherited and prototype getters are not written', () => {
      class Row {
        id = 'r1';
        get label(): string {
          return 'computed';
        }
      }
      const schema = { id: String, label: Optional(String) };
      expect(write(schema, new Row())).toBe('{"id":"r1"}');
      expect(write({ id: String }, Object.create({ id: 'inherited' }))).toBeUndefined();
    });
  });

  describe('optional keys', () => {
    const schema = { a: Optional(String), b: Optional(Int), c: Int, d: Optional(Any) };

    it('leaves out a missing or undefined optional key and writes null as null', () => {
      expect(write(schema, { c: 1 })).toBe('{"c":1}');
      expect(write(schema, { a: undefined, b: null, c: 1, d: undefined })).toBe('{"b":null,"c":1}');
      expect(write(schema, { a: 'x', c: 1, d: null })).toBe('{"a":"x","c":1,"d":null}');
    });

    it('puts commas right whichever optional keys are present', () => {
      const all = { x: Optional(Int), y: Optional(Int), z: Optional(Int) };
      const cases = [{}, { x: 1 }, { y: 2 }, { z: 3 }, { x: 1, z: 3 }, { y: 2, z: 3 }];
      for (const value of cases) expect(write(all, value)).toBe(JSON.stringify(value));
    });

    it('leaves out a key whose Any value JSON cannot write (a function), as JSON.stringify does', () => {
      expect(write({ a: Any, b: Int }, { a: () => 1, b: 2 })).toBe('{"b":2}');
      expect(write({ m: DictOf(Any) }, { m: { f: () => 1, u: undefined, n: null } })).toBe(
        '{"m":{"n":null}}',
      );
    });
  });

  describe('a value the schema does not describe', () => {
    it.each([
      ['a wrong type', { id: String }, { id: 7 }],
      ['a missing required key', { id: String, qty: Int }, { id: 'a' }],
      ['an undefined required key', { id: String }, { id: undefined }],
      ['a fraction for Int', { qty: Int }, { qty: 1.5 }],
      ['an unsafe integer for Int', Int, 2 ** 53],
      ['NaN for Number', Number, NaN],
      ['Infinity for Number', Number, Infinity],
      ['a string for Boolean', Boolean, 'true'],
      ['a value outside the Literal', Literal('A'), 'B'],
      ['no Union member', Union(Int, Boolean), 'x'],
      ['an array for a dict', { id: String }, []],
      ['null for a dict', { id: String }, null],
      ['an object for a list', [String], { 0: 'a' }],
      ['a hole in a list', [String], [, 'a']], // eslint-disable-line no-sparse-arrays
      ['a wrong DictOf value', DictOf(Int), { a: 'x' }],
      ['a Date for String (no toJSON first)', { at: String }, { at: new Date(0) }],
      ['a boxed string for String', String, Object('x')],
      ['undefined for a dict', { id: String }, undefined],
      ['a wrong value deep down', { a: [{ b: [Int] }] }, { a: [{ b: [1] }, { b: [1, 'x'] }] }],
    ])('gives undefined for %s', (_name, schema, value) => {
      expect(write(schema, value)).toBeUndefined();
    });
  });

  describe('hostile keys and literals', () => {
    it.each(HOSTILE)('writes key %j as JSON, never as code', (key) => {
      const schema = own([[key, own([[key, Literal(key)]])]]);
      const value = own([[key, own([[key, key]])]]);
      const json = write(schema, value);
      expect(json).toBe(JSON.stringify(value));
      expect(JSON.parse(json!)).toEqual(JSON.parse(JSON.stringify(value)));
    });

    it('writes DictOf keys and string values as JSON.stringify does', () => {
      const value = Object.fromEntries(HOSTILE.map((key) => [key, key]));
      const withProto = own([...Object.entries(value), ['__proto__', '__proto__']]);
      expect(write(DictOf(String), withProto)).toBe(JSON.stringify(withProto));
    });

    it('tests own keys named like Object.prototype members without reading inherited ones', () => {
      const schema = { constructor: Optional(String), toString: Optional(String), id: Int };
      expect(write(schema, { id: 1 })).toBe('{"id":1}');
      expect(write(schema, { id: 1, toString: 'x' })).toBe('{"toString":"x","id":1}');
    });

    it('writes an own __proto__ key (as JSON.parse makes it) and ignores the prototype', () => {
      const value = JSON.parse('{"__proto__":"p","id":1}') as object;
      expect(write({ ['__proto__']: Optional(String), id: Int }, value)).toBe(
        '{"__proto__":"p","id":1}',
      );
      expect(write(own([['__proto__', Optional(String)]]), {})).toBe('{}');
    });

    it('still tests keys correctly after something is added to Object.prototype', () => {
      const proto = Object.prototype as Record<string, unknown>;
      proto.planted = 'x';
      try {
        expect(write({ planted: Optional(String), id: Int }, { id: 1 })).toBe('{"id":1}');
      } finally {
        delete proto.planted;
      }
    });
  });

  describe('the generated source', () => {
    it('names keys only inside JSON string literals', () => {
      const tree = shorthandTree(own(HOSTILE.map((key) => [key, String])), true);
      const source = generateSerializer(tree);
      for (const key of HOSTILE) expect(source).toContain(JSON.stringify(key));
      expect(source).not.toContain('globalThis.pwned = 1;\n');
    });

    it('refuses an invalid schema, naming responseSchema and the place', () => {
      expect(() => serializer({ tags: [] })).toThrow(/responseSchema\.tags: /);
      expect(() => serializer({ a: Union() })).toThrow(/Cannot compile the response schema/);
    });
  });
});

describe('a key whose value JSON has no text for, under a Union with Any', () => {
  it('is left out of an object, as JSON.stringify does, and written null in a list', () => {
    const schema = { a: Union(Literal(true), Any), list: [Union(Literal(true), Any)] };
    const value = { a: () => 1, list: [() => 1, true] };
    expect(compileShorthandSerializer(schema)(value)).toBe(JSON.stringify(value));
    const dict = DictOf(Union(Literal(''), Any));
    const entries = { f: () => 1, s: Symbol('s'), u: undefined, ok: '' };
    expect(compileShorthandSerializer(dict)(entries)).toBe(JSON.stringify(entries));
  });
});
