import { compileShorthand, Int, Union, type ShorthandSchema } from './index';

const order = { customer_id: String, items: [{ sku: String, qty: Int }] };

describe('compileShorthand: the seed order schema', () => {
  const validator = compileShorthand(order, { mode: 'strict' });

  it('accepts a valid order and returns null', () => {
    expect(validator.validate({ customer_id: 'c_42', items: [{ sku: 'tea', qty: 2 }] })).toBeNull();
  });

  it('rejects a fraction for Int with code type at items[1].qty', () => {
    const body = {
      customer_id: 'c_42',
      items: [
        { sku: 'tea', qty: 1 },
        { sku: 'cup', qty: 1.5 },
      ],
    };
    expect(validator.validate(body)).toEqual([
      {
        path: 'items[1].qty',
        code: 'type',
        message: 'items[1].qty must be an integer, got number 1.5',
        expected: 'integer',
        received: 'number',
      },
    ]);
  });

  it('names the received type in the message, as in items[1].qty must be an integer, got string', () => {
    const issues = validator.validate({
      customer_id: 'c',
      items: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: '2' },
      ],
    });
    expect(issues?.[0].message).toBe('items[1].qty must be an integer, got string');
  });

  it('accepts Int up to the safe integers, ±(2^53 - 1), and refuses beyond, saying why', () => {
    const qty = (n: number) =>
      validator.validate({ customer_id: 'c', items: [{ sku: 'a', qty: n }] });
    expect(qty(Number.MAX_SAFE_INTEGER)).toBeNull();
    expect(qty(Number.MIN_SAFE_INTEGER)).toBeNull();
    for (const n of [2 ** 53, -(2 ** 53), 1e16, 1e300]) {
      expect(qty(n)).toEqual([
        expect.objectContaining({
          path: 'items[0].qty',
          code: 'type',
          message: `items[0].qty must be an integer, got number ${n} (over 9007199254740991 in magnitude, integers are not exact)`,
        }),
      ]);
    }
    expect(
      compileShorthand({ id: Union(String, Int) }, { mode: 'strict' }).validate({
        id: 2 ** 60,
      })?.[0].message,
    ).toMatch(/must match one of string \| integer, got number \d+ \(over 9007199254740991/);
  });

  it('reports every missing key in strict mode, in schema order, naming the parent', () => {
    expect(validator.validate({})).toEqual([
      {
        path: 'customer_id',
        code: 'required',
        message: "Missing key 'customer_id' in payload",
        expected: 'string',
        received: 'undefined',
      },
      {
        path: 'items',
        code: 'required',
        message: "Missing key 'items' in payload",
        expected: 'array',
        received: 'undefined',
      },
    ]);
  });

  it('names a nested parent in a missing-key message, as in items[0]', () => {
    const issues = validator.validate({ customer_id: 'c', items: [{ sku: 'a' }] });
    expect(issues).toEqual([
      expect.objectContaining({ path: 'items[0].qty', message: "Missing key 'qty' in items[0]" }),
    ]);
  });

  it('ignores missing keys in basic mode but still checks the keys that are present', () => {
    const basic = compileShorthand(order, { mode: 'basic' });
    expect(basic.validate({})).toBeNull();
    expect(basic.validate({ items: [{ qty: 3 }] })).toBeNull();
    expect(basic.validate({ items: [{ qty: 'x' }] })).toEqual([
      expect.objectContaining({ path: 'items[0].qty', code: 'type' }),
    ]);
  });

  it('allows extra keys at every level without inspecting them', () => {
    const body = {
      customer_id: 'c',
      extra: { deep: [1] },
      items: [{ sku: 'a', qty: 1, note: null }],
    };
    expect(validator.validate(body)).toBeNull();
  });

  it('answers a top-level array for a dict schema with one type issue at the root', () => {
    expect(validator.validate([{ customer_id: 'c_1' }])).toEqual([
      {
        path: '',
        code: 'type',
        message: 'payload must be an object, got array',
        expected: 'object',
        received: 'array',
      },
    ]);
  });

  it('rejects null, strings and numbers where the dict shorthand expects an object', () => {
    expect(validator.validate(null)?.[0]).toMatchObject({ path: '', received: 'null' });
    expect(validator.validate('x')?.[0]).toMatchObject({ path: '', received: 'string' });
    expect(validator.validate(7)?.[0]).toMatchObject({ path: '', received: 'number' });
  });

  it('rejects an object where the list shorthand expects an array', () => {
    expect(validator.validate({ customer_id: 'c', items: { 0: {} } })).toEqual([
      expect.objectContaining({
        path: 'items',
        code: 'type',
        expected: 'array',
        received: 'object',
      }),
    ]);
  });

  it('keeps separate issue lists for separate calls', () => {
    const first = validator.validate({});
    const second = validator.validate({ customer_id: 'c' });
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect(validator.validate({ customer_id: 'c', items: [] })).toBeNull();
    expect(first).toHaveLength(2);
  });
});

describe('compileShorthand: invalid schemas', () => {
  it('throws at compile time with every definition problem', () => {
    const bad = { qty: 'int', items: [] } as unknown as ShorthandSchema;
    expect(() => compileShorthand(bad, { mode: 'strict' })).toThrow(
      /payloadSchema\.qty: unsupported schema form 'int'[\s\S]*payloadSchema\.items: a list shorthand/,
    );
  });
});

describe('compileShorthand: where code generation is forbidden', () => {
  afterEach(() => jest.restoreAllMocks());

  it('refuses at compile time and names the Node.js flag to remove', () => {
    jest.spyOn(globalThis, 'Function').mockImplementation(() => {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
    expect(() => compileShorthand(order, { mode: 'strict' })).toThrow(
      /forbids code generation from strings \(--disallow-code-generation-from-strings\)/,
    );
  });
});
