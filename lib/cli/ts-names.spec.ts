import fc from 'fast-check';
import {
  docComment,
  isDeclarableName,
  isIdentifier,
  lineCommentText,
  stringLiteral,
  typeKey,
  typeNameFor,
  valueKey,
} from './ts-names';

describe('names and comments of the generated module', () => {
  it('leaves identifiers and whole numbers bare as keys and quotes every other key', () => {
    expect(typeKey('order_id')).toBe('order_id');
    expect(typeKey('$ref')).toBe('$ref');
    expect(typeKey('2')).toBe('2');
    expect(typeKey('a-b')).toBe('"a-b"');
    expect(typeKey('"x"')).toBe('\'"x"\'');
    expect(typeKey('*/')).toBe('"*/"');
    expect(typeKey('a\nb')).toBe('"a\\nb"');
    expect(typeKey('02')).toBe('"02"');
    expect(typeKey('')).toBe('""');
    expect(typeKey('ünï')).toBe('"ünï"');
  });

  it('writes __proto__ as a computed key in object literals, where it would set the prototype', () => {
    expect(typeKey('__proto__')).toBe('__proto__');
    expect(valueKey('__proto__')).toBe('["__proto__"]');
    expect(valueKey('orders__get_order')).toBe('orders__get_order');
    expect(valueKey('a-b')).toBe('"a-b"');
  });

  it('tells identifiers from names that cannot be declared', () => {
    expect(isIdentifier('AppApis')).toBe(true);
    expect(isIdentifier('1st')).toBe(false);
    expect(isDeclarableName('AppApis')).toBe(true);
    for (const word of ['string', 'unknown', 'class', 'default', 'never', 'enum']) {
      expect(isDeclarableName(word)).toBe(false);
    }
  });

  it('makes a type name of any component name, unique among the names taken', () => {
    const taken = new Set(['AppApis', 'Order']);
    expect(typeNameFor('Order', taken)).toBe('Order_2');
    expect(typeNameFor('Order', taken)).toBe('Order_3');
    expect(typeNameFor('Create-Order.Dto', taken)).toBe('Create_Order_Dto');
    expect(typeNameFor('1st', taken)).toBe('_1st');
    expect(typeNameFor('string', taken)).toBe('_string');
    expect(typeNameFor('*/', taken)).toBe('__');
    expect(typeNameFor('', taken)).toBe('_');
    expect(typeNameFor('AppApis', taken)).toBe('AppApis_2');
  });

  it('writes a doc comment that text cannot close early, one line when it can', () => {
    expect(docComment('The order id.', '  ')).toEqual(['  /** The order id. */']);
    expect(docComment('ends here */ alert(1) /*', '')).toEqual([
      '/** ends here *\\/ alert(1) /* */',
    ]);
    expect(docComment('first\r\n\nthird  \u2028fourth\n', '')).toEqual([
      '/**',
      ' * first',
      ' *',
      ' * third',
      ' * fourth',
      ' */',
    ]);
    expect(docComment(' \n ', '')).toEqual([]);
  });

  it('keeps line-comment text on its line', () => {
    expect(lineCommentText('shop\nalert(1)\r\u2028x\u0000')).toBe('shop alert(1)  x ');
  });
});

describe('string literals', () => {
  const evaluate = (source: string): unknown => new Function(`return ${source};`)();

  it('writes JSON.stringify, or single quotes when the text holds more " than \'', () => {
    expect(stringLiteral('csv')).toBe('"csv"');
    expect(stringLiteral('a"b')).toBe("'a\"b'");
    expect(stringLiteral('a"b\'c')).toBe('"a\\"b\'c"');
    expect(stringLiteral('""\'')).toBe("'\"\"\\''");
    expect(stringLiteral('"\\"\n')).toBe('\'"\\\\"\\n\'');
  });

  it('gives back exactly the text it was given, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(evaluate(stringLiteral(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('"', "'", '\\', '\n', '\u2028', '*/', 'a', '${', '`')),
        (parts) => {
          const text = parts.join('');
          expect(evaluate(stringLiteral(text))).toBe(text);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
