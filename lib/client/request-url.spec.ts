import { fillPath, patternParams, pickPattern } from './request-url';

describe('request URLs', () => {
  const paths = ['/api/v1/orders/get_order/:order_id/', '/api/v1/orders/:shop/:order_id/'];

  it('lists the parameters of a pattern', () => {
    expect(patternParams('/v1/:shop/orders/:order_id/')).toEqual(['shop', 'order_id']);
  });

  it('picks the pattern whose parameters are exactly the ones given, else the first', () => {
    expect(pickPattern(paths, ['order_id'])).toBe(paths[0]);
    expect(pickPattern(paths, ['order_id', 'shop'])).toBe(paths[1]);
    expect(pickPattern(paths, ['other'])).toBe(paths[0]);
    expect(pickPattern(['/v1/shop/get_profile/'], [])).toBe('/v1/shop/get_profile/');
  });

  it('fills parameters URI-encoded', () => {
    expect(fillPath(paths[1], { shop: 'a/b c', order_id: 7 })).toBe('/api/v1/orders/a%2Fb%20c/7/');
  });

  it('appends the query with repeated keys for lists, leaving out undefined and null', () => {
    expect(
      fillPath(
        '/v1/orders/',
        {},
        {
          include_items: true,
          tag: ['a', 'b&c'],
          page: 2,
          gone: undefined,
          none: null,
        },
      ),
    ).toBe('/v1/orders/?include_items=true&tag=a&tag=b%26c&page=2');
    expect(fillPath('/v1/orders/', {}, {})).toBe('/v1/orders/');
  });

  it('refuses a missing parameter by name', () => {
    expect(() => fillPath(paths[0], {})).toThrow(
      new TypeError(`The path ${paths[0]} needs the parameter 'order_id'; pass it in params.`),
    );
  });
});
