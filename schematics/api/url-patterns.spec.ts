import { readUrlPatterns } from './url-patterns';

describe('readUrlPatterns', () => {
  it('reads one pattern without slashes at either end, its :names as String', () => {
    expect(readUrlPatterns('/get_order/:order_id/')).toEqual({
      patterns: ['get_order/:order_id'],
      params: [{ name: 'order_id', type: 'String' }],
    });
  });

  it('reads comma-separated patterns, spaces around the commas included', () => {
    expect(readUrlPatterns('get_order/:order_id , :order_id,orders-by-id/:order_id/')).toEqual({
      patterns: ['get_order/:order_id', ':order_id', 'orders-by-id/:order_id'],
      params: [{ name: 'order_id', type: 'String' }],
    });
  });

  it("maps the original's <int:name> to :name and Int, and <str:…>, <slug:…>, <uuid:…> to String", () => {
    expect(readUrlPatterns('<int:year>/<slug:month>/<uuid:id>/<str:tag>')).toEqual({
      patterns: [':year/:month/:id/:tag'],
      params: [
        { name: 'year', type: 'Int' },
        { name: 'month', type: 'String' },
        { name: 'id', type: 'String' },
        { name: 'tag', type: 'String' },
      ],
    });
  });

  it('types a parameter by the pattern that converts it, whichever pattern comes first', () => {
    expect(readUrlPatterns(':order_id, get_order/<int:order_id>')).toEqual({
      patterns: [':order_id', 'get_order/:order_id'],
      params: [{ name: 'order_id', type: 'Int' }],
    });
  });

  it('keeps the order of the first pattern for parameters found in another order', () => {
    expect(readUrlPatterns(':a/:b, x/:b/:a')).toEqual({
      patterns: [':a/:b', 'x/:b/:a'],
      params: [
        { name: 'a', type: 'String' },
        { name: 'b', type: 'String' },
      ],
    });
  });

  it.each([
    ['get order', 'get order'],
    ['orders/<id>', 'orders/<id>'],
    ['files/<path:rest>', 'files/<path:rest>'],
    ['a, ', ''],
    ['/', '/'],
    ['orders/:1st', 'orders/:1st'],
  ])('refuses %j, naming the pattern %j and the rule', (input, pattern) => {
    expect(readUrlPatterns(input)).toBe(
      `Invalid URL pattern '${pattern}': use letters, digits, _ and - in segments separated by /, and :name (or <int:name>) for a path parameter, e.g. get_order/:order_id/; separate several patterns with commas.`,
    );
  });

  it('refuses a pattern given twice', () => {
    expect(readUrlPatterns('get_order/:id, /get_order/:id/')).toBe(
      "URL pattern 'get_order/:id' is given twice; give each pattern once.",
    );
  });

  it('refuses patterns that differ only in case or in the order of their parameters', () => {
    expect(readUrlPatterns('Get_Order/:id, get_order/:id')).toBe(
      "URL patterns 'Get_Order/:id' and 'get_order/:id' match the same URLs; keep one of them.",
    );
    expect(readUrlPatterns('a/:x/b/:y, a/:y/b/:x')).toBe(
      "URL patterns 'a/:x/b/:y' and 'a/:y/b/:x' match the same URLs; keep one of them.",
    );
  });

  it('refuses a parameter named twice in one pattern', () => {
    expect(readUrlPatterns('a/:id/b/<int:id>')).toBe(
      "URL pattern 'a/:id/b/<int:id>' has :id twice; give each path parameter its own name.",
    );
  });

  it('refuses patterns whose parameters differ: one params declaration serves them all', () => {
    expect(readUrlPatterns('orders/:order_id, orders')).toBe(
      "URL patterns 'orders/:order_id' and 'orders' have different path parameters; every pattern of an API must have the same :names, which its params declares.",
    );
  });

  it('refuses a parameter given two types', () => {
    expect(readUrlPatterns('a/<int:id>, b/<str:id>')).toBe(
      ':id has two types in the URL patterns (e.g. <int:id> and <str:id>); give it one.',
    );
  });
});
