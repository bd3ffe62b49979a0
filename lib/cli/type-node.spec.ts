import { intersection, keyword, literal, printType, union, type TypeNode } from './type-node';

const ref = (name: string): TypeNode => ({ kind: 'ref', name });
const object = (...names: string[]): TypeNode => ({
  kind: 'object',
  properties: names.map((name) => ({ name, optional: false, type: keyword('string') })),
});

describe('TypeScript types as the generated module writes them', () => {
  it('simplifies unions: flattened, repeats and never dropped, unknown absorbing', () => {
    expect(printType(union([ref('A'), union([ref('B'), ref('A')]), keyword('never')]), '')).toBe(
      'A | B',
    );
    expect(printType(union([ref('A'), keyword('unknown')]), '')).toBe('unknown');
    expect(printType(union([]), '')).toBe('never');
    expect(printType(union([ref('A')]), '')).toBe('A');
  });

  it('simplifies intersections: unknown dropped, never absorbing', () => {
    expect(printType(intersection([ref('A'), keyword('unknown'), ref('A')]), '')).toBe('A');
    expect(printType(intersection([ref('A'), keyword('never')]), '')).toBe('never');
    expect(printType(intersection([]), '')).toBe('unknown');
    expect(printType(intersection([union([ref('A'), ref('B')]), ref('C')]), '')).toBe(
      '(A | B) & C',
    );
  });

  it('writes literals of JSON values only', () => {
    expect(printType(literal('a"b'), '')).toBe("'a\"b'");
    expect(printType(literal(-1.5), '')).toBe('-1.5');
    expect(printType(literal(false), '')).toBe('false');
    expect(printType(literal(Number.NaN), '')).toBe('unknown');
    expect(printType(literal({}), '')).toBe('unknown');
  });

  it('breaks a union that does not fit on its line into one member per line', () => {
    const long = union(
      ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'].map(literal),
    );
    expect(printType(long, '  ', 10)).toBe(
      '\n    | "alpha"\n    | "bravo"\n    | "charlie"\n    | "delta"\n    | "echo"\n    | "foxtrot"\n    | "golf"\n    | "hotel"',
    );
    expect(printType(long, '', 0)).toContain(' | ');
  });

  it('keeps one object beside null in place, and indents objects of a broken union under their |', () => {
    expect(printType(union([object('a'), keyword('null')]), '')).toBe('{\n  a: string;\n} | null');
    expect(printType(union([{ kind: 'array', element: object('a') }, keyword('null')]), '  ')).toBe(
      '\n    | {\n        a: string;\n      }[]\n    | null',
    );
  });

  it('parenthesises a union that is an array element, broken or not', () => {
    expect(printType({ kind: 'array', element: union([ref('A'), ref('B')]) }, '')).toBe(
      '(A | B)[]',
    );
    const broken = { kind: 'array', element: union([object('a'), object('b')]) } as const;
    expect(printType(broken, '')).toBe(
      '(\n  | {\n      a: string;\n    }\n  | {\n      b: string;\n    }\n)[]',
    );
  });

  it('writes an object of only an index signature on one line, and no keys at all as Record<string, never>', () => {
    expect(printType({ kind: 'object', properties: [], index: keyword('number') }, '')).toBe(
      '{ [key: string]: number }',
    );
    expect(printType({ kind: 'object', properties: [] }, '')).toBe('Record<string, never>');
  });
});
