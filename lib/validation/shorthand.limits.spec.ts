import { Int, compileShorthand, type ShorthandSchema, type ValidationMode } from './index';

const order = { customer_id: String, items: [{ sku: String, qty: Int }] };

const check = (schema: ShorthandSchema, value: unknown, mode: ValidationMode = 'strict') =>
  compileShorthand(schema, { mode }).validate(value);

describe('compileShorthand: hostile bodies', () => {
  const validator = compileShorthand(order, { mode: 'strict' });

  it('validates a body with own __proto__ and constructor keys without polluting Object.prototype', () => {
    const body: unknown = JSON.parse(
      '{"__proto__":{"x":1},"constructor":{"prototype":{"polluted":"yes"}},"customer_id":"a","items":[]}',
    );
    expect(validator.validate(body)).toBeNull();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never reads inherited properties: a body without the key is missing it even if the prototype has it', () => {
    const body = Object.create({ customer_id: 'inherited', items: [] }) as object;
    expect(validator.validate(body)?.map((i) => i.code)).toEqual(['required', 'required']);
  });

  it('checks a declared __proto__ key only as an own property', () => {
    const schema = JSON.parse('{"__proto__":"placeholder"}') as Record<string, unknown>;
    schema.__proto__ = Int;
    const own = compileShorthand(schema as ShorthandSchema, { mode: 'strict' });
    expect(own.validate({})?.[0]).toMatchObject({ path: '__proto__', code: 'required' });
    expect(own.validate(JSON.parse('{"__proto__":5}'))).toBeNull();
    expect(own.validate(JSON.parse('{"__proto__":"x"}'))?.[0]).toMatchObject({ code: 'type' });
  });

  it('stops at the first wrong level of a 100,000-deep array', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100000; i++) deep = [deep];
    expect(validator.validate({ customer_id: 'c', items: deep })).toEqual([
      expect.objectContaining({ path: 'items[0]', code: 'type', received: 'array' }),
    ]);
  });

  it('rejects huge numbers for Int', () => {
    const body: unknown = JSON.parse(
      '{"customer_id":"c","items":[{"sku":"a","qty":1e400},{"sku":"b","qty":-1e400}]}',
    );
    expect(validator.validate(body)?.map((i) => i.path)).toEqual(['items[0].qty', 'items[1].qty']);
  });
});

describe('compileShorthand: order and cap', () => {
  it('reports issues in document order: schema key order, then index order', () => {
    const schema = { b: Int, a: [{ y: String, x: Int }] };
    const body = { a: [{ x: 'no', y: 1 }, { x: 'no' }], b: 'no' };
    expect(check(schema, body)?.map((i) => `${i.code}@${i.path}`)).toEqual([
      'type@b',
      'type@a[0].y',
      'type@a[0].x',
      'required@a[1].y',
      'type@a[1].x',
    ]);
  });

  it('caps the issues at 100 by default', () => {
    const issues = check(
      [Int],
      Array.from({ length: 1000 }, () => 'x'),
    );
    expect(issues).toHaveLength(100);
    expect(issues?.[99].path).toBe('[99]');
  });

  it('caps the issues at maxErrors and stops work there', () => {
    let reads = 0;
    const items = new Proxy(
      Array.from({ length: 50 }, () => 'x'),
      {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      },
    );
    const issues = compileShorthand([Int], { mode: 'strict', maxErrors: 3 }).validate(items);
    expect(issues?.map((i) => i.path)).toEqual(['[0]', '[1]', '[2]']);
    expect(reads).toBe(3);
  });

  it('counts missing keys toward the cap', () => {
    const issues = compileShorthand(
      { a: Int, b: Int, c: Int },
      { mode: 'strict', maxErrors: 2 },
    ).validate({});
    expect(issues?.map((i) => i.path)).toEqual(['a', 'b']);
  });
});
