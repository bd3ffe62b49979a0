import { child, entries, isJson, pointerSegment, resolve } from './openapi-json';

describe('reading a parsed OpenAPI document', () => {
  it('reads own properties only, whatever the key', () => {
    const parsed = JSON.parse('{"__proto__":{"a":1},"b":2}');
    expect(child(parsed, '__proto__')).toEqual({ a: 1 });
    expect(child(parsed, 'constructor')).toBeUndefined();
    expect(child(parsed, 'toString')).toBeUndefined();
    expect(child([1], '0')).toBeUndefined();
    expect(child(null, 'a')).toBeUndefined();
    expect(entries(parsed).map(([key]) => key)).toEqual(['__proto__', 'b']);
    expect(entries('text')).toEqual([]);
    expect([isJson({}), isJson([]), isJson(null), isJson('x')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('decodes JSON Pointer segments', () => {
    expect(pointerSegment('a~1b~0c')).toBe('a/b~c');
    expect(pointerSegment('a%20b')).toBe('a b');
    expect(pointerSegment('~01')).toBe('~1');
    expect(pointerSegment('%E0%A4%A')).toBeUndefined();
  });

  it('follows local references, and ends those that lead nowhere or in a loop', () => {
    const document = {
      components: {
        schemas: { 'a/b': { type: 'string' }, Alias: { $ref: '#/components/schemas/a~1b' } },
        loops: { A: { $ref: '#/components/loops/B' }, B: { $ref: '#/components/loops/A' } },
      },
    };
    expect(resolve({ $ref: '#/components/schemas/Alias' }, document)).toEqual({ type: 'string' });
    expect(resolve({ type: 'number' }, document)).toEqual({ type: 'number' });
    expect(resolve({ $ref: '#/components/loops/A' }, document)).toBeUndefined();
    expect(resolve({ $ref: '#/components/missing' }, document)).toBeUndefined();
    expect(resolve({ $ref: 'other.json#/x' }, document)).toBeUndefined();
    expect(resolve({ $ref: '#/components/schemas/%E0%A4%A' }, document)).toBeUndefined();
  });
});
