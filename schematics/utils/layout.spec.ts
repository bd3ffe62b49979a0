import { docComment, flat, layout, quote, sourceCode } from './layout';

describe('layout', () => {
  it('prints values on one line as prettier does, with single quotes', () => {
    expect(flat({ path: ['a', "it's"], n: 3, on: true, none: null, empty: {}, list: [] })).toBe(
      "{ path: ['a', 'it\\'s'], n: 3, on: true, none: null, empty: {}, list: [] }",
    );
    expect(flat({ order_id: sourceCode('Int') })).toBe('{ order_id: Int }');
    expect(flat({ code: 'SUCCESS' })).toBe("{ code: 'SUCCESS' }");
    expect(quote('a\\b')).toBe("'a\\\\b'");
  });

  it('keeps a value on one line while it fits in 80 columns with what surrounds it', () => {
    const value = { path: ['orders/get_order/:order_id', 'orders/:order_id'] };
    expect(layout(value, '  ', 2, 1)).toBe(
      "{ path: ['orders/get_order/:order_id', 'orders/:order_id'] }",
    );
    expect(layout(value, '  ', 20, 1)).toBe(
      "{\n    path: ['orders/get_order/:order_id', 'orders/:order_id'],\n  }",
    );
  });

  it('breaks nested values one item a line only as far as needed', () => {
    const paths = ['monthly_statements/generate/:year/:month', 'monthly_statements/:year/:month'];
    expect(layout({ path: paths }, '  ', 2, 1)).toBe(
      "{\n    path: [\n      'monthly_statements/generate/:year/:month',\n      'monthly_statements/:year/:month',\n    ],\n  }",
    );
  });

  it('writes a doc comment on one line when it fits, else wrapped without splitting code spans', () => {
    expect(docComment('The versions of `a__b`.')).toBe('/** The versions of `a__b`. */');
    expect(
      docComment([
        'Get Order, version 1: `GET /v1/orders/get_order/:order_id/`, `GET /v1/orders/:order_id/`.',
        'Second paragraph.',
      ]),
    ).toBe(
      '/**\n * Get Order, version 1: `GET /v1/orders/get_order/:order_id/`,\n * `GET /v1/orders/:order_id/`.\n * Second paragraph.\n */',
    );
  });
});
