import { SchemaTypes } from './json-schema.types';
import { printType } from './type-node';

/** The printed type of `schema` in a document holding `schemas` as its components. */
function typeOf(schema: unknown, schemas: Record<string, unknown> = {}): string {
  const types = new SchemaTypes({ components: { schemas } }, new Set(['AppApis']));
  return printType(types.typeOf(schema), '');
}

/** Every named type `schema` leads to, as `Name = type` lines. */
function declarations(schema: unknown, schemas: Record<string, unknown>): string[] {
  const types = new SchemaTypes({ components: { schemas } }, new Set(['AppApis']));
  types.typeOf(schema);
  return types.declarations().map(({ name, type }) => `${name} = ${printType(type, '')}`);
}

describe('JSON Schema as TypeScript types', () => {
  describe('type', () => {
    it.each([
      ['string', 'string'],
      ['number', 'number'],
      ['integer', 'number'],
      ['boolean', 'boolean'],
      ['null', 'null'],
      ['file', 'unknown'],
    ])('writes type %s as %s', (type, expected) => {
      expect(typeOf({ type })).toBe(expected);
    });

    it("writes a list of types (3.1, 'null' among them) as their union", () => {
      expect(typeOf({ type: ['string', 'null'] })).toBe('string | null');
      expect(typeOf({ type: ['integer', 'number'] })).toBe('number');
      expect(typeOf({ type: ['array', 'null'], items: { type: 'string' } })).toBe(
        'string[] | null',
      );
    });

    it('adds null for nullable: true (3.0)', () => {
      expect(typeOf({ type: 'string', nullable: true })).toBe('string | null');
      expect(typeOf({ type: 'string', enum: ['a', null], nullable: true })).toBe('"a" | null');
      expect(typeOf({ $ref: '#/components/schemas/Item', nullable: true }, { Item: {} })).toBe(
        'Item | null',
      );
      expect(typeOf({ type: 'string', nullable: false })).toBe('string');
    });
  });

  describe('enum and const', () => {
    it('writes enum values as a union of literals, strings through JSON.stringify', () => {
      expect(typeOf({ type: 'string', enum: ['csv', 'json'] })).toBe('"csv" | "json"');
      expect(typeOf({ enum: [1, 2.5, true, null] })).toBe('1 | 2.5 | true | null');
      expect(typeOf({ enum: ['"x"', '*/', "a'b", 'line\nbreak', '${x}'] })).toBe(
        `'"x"' | "*/" | "a'b" | "line\\nbreak" | "\${x}"`,
      );
    });

    it('writes const as its literal', () => {
      expect(typeOf({ const: 'QUEUED' })).toBe('"QUEUED"');
      expect(typeOf({ const: 0 })).toBe('0');
      expect(typeOf({ const: null })).toBe('null');
    });

    it('widens values without a literal type (objects, lists) to unknown', () => {
      expect(typeOf({ enum: ['a', { b: 1 }] })).toBe('unknown');
      expect(typeOf({ const: [1] })).toBe('unknown');
      expect(typeOf({ enum: [] })).toBe('never');
    });
  });

  describe('objects', () => {
    it('writes properties, required ones without ?, one per line', () => {
      expect(
        typeOf({
          type: 'object',
          properties: { id: { type: 'string' }, note: { type: 'string' } },
          required: ['id'],
        }),
      ).toBe('{\n  id: string;\n  note?: string;\n}');
    });

    it('types a required key that lists no schema as unknown', () => {
      expect(typeOf({ type: 'object', properties: {}, required: ['id'] })).toBe(
        '{\n  id: unknown;\n}',
      );
    });

    it('quotes hostile keys and keeps __proto__ as an own key', () => {
      const schema = JSON.parse(
        '{"type":"object","properties":{"a-b":{"type":"string"},"\\"x\\"":{"type":"number"},"__proto__":{"type":"boolean"},"*/":{"type":"null"},"constructor":{"type":"string"}},"required":["__proto__"]}',
      );
      expect(typeOf(schema)).toBe(
        [
          '{',
          '  "a-b"?: string;',
          `  '"x"'?: number;`,
          '  __proto__: boolean;',
          '  "*/"?: null;',
          '  constructor?: string;',
          '}',
        ].join('\n'),
      );
    });

    it("writes a property's description as a doc comment that cannot be closed from inside", () => {
      expect(
        typeOf({
          type: 'object',
          properties: { id: { type: 'string', description: 'The id */ export const x = 1; /*' } },
        }),
      ).toBe('{\n  /** The id *\\/ export const x = 1; /* */\n  id?: string;\n}');
    });

    it('gives an index signature only where extra keys are allowed', () => {
      expect(typeOf({ type: 'object' })).toBe('{ [key: string]: unknown }');
      expect(typeOf({ type: 'object', additionalProperties: true })).toBe(
        '{ [key: string]: unknown }',
      );
      expect(typeOf({ type: 'object', additionalProperties: { type: 'integer' } })).toBe(
        '{ [key: string]: number }',
      );
      expect(typeOf({ type: 'object', additionalProperties: false })).toBe('Record<string, never>');
      const listed = { a: { type: 'string' } };
      expect(typeOf({ type: 'object', properties: listed })).toBe('{\n  a?: string;\n}');
      expect(typeOf({ type: 'object', properties: listed, additionalProperties: false })).toBe(
        '{\n  a?: string;\n}',
      );
      expect(
        typeOf({ type: 'object', properties: listed, additionalProperties: { type: 'integer' } }),
      ).toBe('{\n  a?: string;\n  [key: string]: unknown;\n}');
      expect(typeOf({ type: 'object', properties: listed, patternProperties: { '^x': {} } })).toBe(
        '{\n  a?: string;\n  [key: string]: unknown;\n}',
      );
    });

    it('reads properties without a type as an object', () => {
      expect(typeOf({ properties: { a: { type: 'boolean' } }, required: ['a'] })).toBe(
        '{\n  a: boolean;\n}',
      );
    });
  });

  describe('arrays', () => {
    it('writes items as the element type, parenthesised when it is a union', () => {
      expect(typeOf({ type: 'array', items: { type: 'string' } })).toBe('string[]');
      expect(typeOf({ type: 'array', items: { type: ['string', 'number'] } })).toBe(
        '(string | number)[]',
      );
      expect(typeOf({ items: { type: 'boolean' } })).toBe('boolean[]');
      expect(typeOf({ type: 'array', items: { type: 'array', items: { type: 'null' } } })).toBe(
        'null[][]',
      );
    });

    it('writes an array without items, or with a list of item schemas, as unknown[]', () => {
      expect(typeOf({ type: 'array' })).toBe('unknown[]');
      expect(typeOf({ type: 'array', items: [{ type: 'string' }] })).toBe('unknown[]');
    });
  });

  describe('anyOf, oneOf, allOf', () => {
    it('writes anyOf and oneOf as unions', () => {
      expect(typeOf({ anyOf: [{ type: 'string' }, { type: 'integer' }] })).toBe('string | number');
      expect(typeOf({ oneOf: [{ const: 'a' }, { const: 'b' }, { const: 'a' }] })).toBe('"a" | "b"');
      expect(typeOf({ anyOf: [{ type: 'string' }, {}] })).toBe('unknown');
    });

    it('writes allOf as an intersection, and a combinator beside other keywords as both', () => {
      expect(
        typeOf(
          { allOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] },
          { A: {}, B: {} },
        ),
      ).toBe('A & B');
      expect(
        typeOf({
          type: 'object',
          properties: { a: { type: 'string' } },
          anyOf: [{ required: ['a'] }],
        }),
      ).toBe('{\n  a?: string;\n} & {\n  a: unknown;\n}');
    });
  });

  describe('what it does not read', () => {
    it('widens to unknown: no schema, true, a non-object, unread keywords; false is never', () => {
      expect(typeOf(undefined)).toBe('unknown');
      expect(typeOf({})).toBe('unknown');
      expect(typeOf(true)).toBe('unknown');
      expect(typeOf('string')).toBe('unknown');
      expect(typeOf([{ type: 'string' }])).toBe('unknown');
      expect(typeOf({ not: { type: 'string' } })).toBe('unknown');
      expect(typeOf({ description: 'What the API returned.' })).toBe('unknown');
      expect(typeOf(false)).toBe('never');
    });

    it('widens nesting deeper than 64 levels to unknown without exhausting the stack', () => {
      let schema: unknown = { type: 'string' };
      for (let i = 0; i < 20_000; i++) schema = { type: 'array', items: schema };
      const printed = typeOf(schema);
      expect(printed).toMatch(/^unknown(\[\])+$/);
      expect(printed.match(/\[\]/g)).toHaveLength(65);
    });
  });

  describe('$ref', () => {
    it('names a component and declares it once, with the components it leads to', () => {
      const schemas = {
        Order: {
          type: 'object',
          description: 'An order.',
          properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } },
        },
        Item: { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] },
        Unused: { type: 'string' },
      };
      const types = new SchemaTypes({ components: { schemas } }, new Set());
      expect(printType(types.typeOf({ $ref: '#/components/schemas/Order' }), '')).toBe('Order');
      expect(printType(types.typeOf({ $ref: '#/components/schemas/Order' }), '')).toBe('Order');
      expect(types.declarations().map(({ name, doc }) => [name, doc])).toEqual([
        ['Order', 'An order.'],
        ['Item', undefined],
      ]);
    });

    it('decodes the pointer and makes a type name of a hostile component name', () => {
      const schemas = JSON.parse(
        '{"a/b~c":{"type":"string"},"__proto__":{"type":"number"},"*/":{"type":"boolean"},"AppApis":{"type":"null"}}',
      );
      expect(
        declarations(
          {
            anyOf: [
              { $ref: '#/components/schemas/a~1b~0c' },
              { $ref: '#/components/schemas/__proto__' },
              { $ref: '#/components/schemas/*%2F' },
              { $ref: '#/components/schemas/AppApis' },
            ],
          },
          schemas,
        ),
      ).toEqual(['a_b_c = string', '__proto__ = number', '__ = boolean', 'AppApis_2 = null']);
    });

    it('widens a reference it cannot follow to unknown', () => {
      expect(typeOf({ $ref: '#/components/schemas/Missing' })).toBe('unknown');
      expect(typeOf({ $ref: '#/components/schemas/A/properties/b' }, { A: {} })).toBe('unknown');
      expect(typeOf({ $ref: 'https://example.com/schema.json' })).toBe('unknown');
      expect(typeOf({ $ref: '#/components/schemas/%E0%A4%A' })).toBe('unknown');
      expect(typeOf({ $ref: '#/components/schemas/toString' })).toBe('unknown');
    });

    it('keeps recursion through properties and items as a named type', () => {
      const schemas = {
        Node: {
          type: 'object',
          properties: {
            children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
            parent: { anyOf: [{ $ref: '#/components/schemas/Node' }, { type: 'null' }] },
          },
        },
      };
      expect(declarations({ $ref: '#/components/schemas/Node' }, schemas)).toEqual([
        'Node = {\n  children?: Node[];\n  parent?: Node | null;\n}',
      ]);
    });

    it('ends a cycle of aliases that would stand for themselves in unknown', () => {
      const schemas = {
        A: { anyOf: [{ $ref: '#/components/schemas/B' }, { type: 'string' }] },
        B: { allOf: [{ $ref: '#/components/schemas/A' }] },
        Self: { $ref: '#/components/schemas/Self' },
        Wrapper: { oneOf: [{ $ref: '#/components/schemas/A' }, { type: 'number' }] },
      };
      expect(
        declarations(
          {
            anyOf: ['A', 'B', 'Self', 'Wrapper'].map((n) => ({
              $ref: `#/components/schemas/${n}`,
            })),
          },
          schemas,
        ),
      ).toEqual(['A = unknown', 'B = unknown', 'Self = unknown', 'Wrapper = A | number']);
    });

    it('ends a cycle that passes through a property in the named type', () => {
      const schemas = {
        A: { anyOf: [{ $ref: '#/components/schemas/B' }, { type: 'string' }] },
        B: { type: 'object', properties: { a: { $ref: '#/components/schemas/A' } } },
      };
      expect(declarations({ $ref: '#/components/schemas/A' }, schemas)).toEqual([
        'A = B | string',
        'B = {\n  a?: A;\n}',
      ]);
    });
  });
});
