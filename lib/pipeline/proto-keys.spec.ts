import { mayHoldProtoKey, withoutProtoKeys } from './proto-keys';

describe('withoutProtoKeys', () => {
  it('removes own __proto__ keys at every level, in objects and in arrays', () => {
    const value = JSON.parse(
      '{"__proto__":{"admin":true},"a":[{"__proto__":1,"b":2}],"c":{"d":{"__proto__":null,"e":3}}}',
    ) as Record<string, unknown>;
    expect(withoutProtoKeys(value)).toEqual({ a: [{ b: 2 }], c: { d: { e: 3 } } });
    expect(Object.getOwnPropertyNames(value)).toEqual(['a', 'c']);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('walks a 100,000-deep value without running out of stack', () => {
    const depth = 100_000;
    const text = `${'{"__proto__":0,"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    let node = withoutProtoKeys(JSON.parse(text) as unknown);
    let levels = 0;
    while (typeof node === 'object' && node !== null) {
      expect(Object.keys(node)).toEqual(['a']);
      node = (node as { a: unknown }).a;
      levels++;
    }
    expect(levels).toBe(depth);
  });

  it('tells which texts could spell the key, escaped letters included', () => {
    expect([
      mayHoldProtoKey('{"__proto__":1}'),
      mayHoldProtoKey('{"\\u005f_proto__":1}'),
      mayHoldProtoKey('{"proto":1}'),
    ]).toEqual([true, true, false]);
  });
});
