import { callArguments, docComment, docLines, flat, layout, quote, sourceCode } from './layout';

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

  it('lays call arguments out as prettier does: one line, a hugged last object, or one a line', () => {
    const lead = '    const answer = await app.call(';
    expect(callArguments(lead, ['orders__get_order', { version: 1 }])).toBe(
      "'orders__get_order', { version: 1 }",
    );
    expect(
      callArguments(lead, ['orders__get_order', { version: 1, params: { order_id: 1 } }]),
    ).toBe("'orders__get_order', {\n      version: 1,\n      params: { order_id: 1 },\n    }");
    const long = 'monthly_statements__list_consolidated_shipments_by_customer';
    expect(callArguments(lead, [long, { version: 1 }])).toBe(
      `\n      '${long}',\n      { version: 1 },\n    `,
    );
    const target = sourceCode('`${app.url}/v1/monthly_statements/customers/1/reports/1/`');
    expect(callArguments('    const answer = await fetch(', [target])).toBe(
      '\n      `${app.url}/v1/monthly_statements/customers/1/reports/1/`,\n    ',
    );
  });

  it('wraps one paragraph of a doc comment between words', () => {
    expect(
      docLines(
        'Get Order, version 1: `GET /v1/orders/get_order/:order_id/`, `GET /v1/orders/:order_id/`.',
      ),
    ).toBe(
      ' * Get Order, version 1: `GET /v1/orders/get_order/:order_id/`,\n * `GET /v1/orders/:order_id/`.',
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
