import fc from 'fast-check';
import { RouteMissExplainer } from './route-miss';

const explainer = new RouteMissExplainer(
  [
    { mount: '/api', version: 1, apiPath: 'shop/get_profile', versions: [1, 2] },
    { mount: '/api', version: 2, apiPath: 'shop/get_profile', versions: [1, 2] },
    { mount: '/api/backoffice', version: 1, apiPath: 'stats/summary', versions: [1] },
    { mount: '/api', version: 1, apiPath: 'orders/:order_id', versions: [1] },
  ],
  '/api/mindoff/queue',
);
const explain = (url: string) => explainer.explain(url);

describe('explaining router misses under mindoff paths', () => {
  it.each([
    '/api/v9/shop/get_profile/',
    '/api/v1.5/shop/get_profile',
    '/api/v-1/shop/get_profile',
    '/api/v01/shop/get_profile/',
    '/api/v/shop/get_profile/',
    '/API/V9/Shop/Get_Profile/',
    '/api/./v9/shop/get_profile/',
    'http://example.test/api/v3/shop/get_profile/?x=1',
  ])('answers %s with INVALID_API_VERSION and the versions the API has', (url) => {
    expect(explain(url)).toEqual({ code: 'INVALID_API_VERSION', availableVersions: [1, 2] });
  });

  it.each([
    '/api/v1/shop/nope/',
    '/api//v1/shop/get_profile/',
    '/api/v1//shop/get_profile/',
    '/api/v1/shop%2fget_profile/',
    '/api/v1/shop/x/../get_profile/',
    '/api/v2/orders/o_1/more/',
  ])('answers %s with ROUTE_NOT_FOUND', (url) => {
    expect(explain(url)).toEqual({ code: 'ROUTE_NOT_FOUND' });
  });

  it('finds APIs under their own mount, and parametrised paths', () => {
    expect(explain('/api/backoffice/v2/stats/summary/')).toEqual({
      code: 'INVALID_API_VERSION',
      availableVersions: [1],
    });
    expect(explain('/api/v4/orders/o_1/')).toEqual({
      code: 'INVALID_API_VERSION',
      availableVersions: [1],
    });
  });

  it('explains a task path the router refused as QUEUE_TASK_NOT_FOUND, other ones as ROUTE_NOT_FOUND', () => {
    expect(explain(`/api/mindoff/queue/${'a'.repeat(1000)}/`)).toEqual({
      code: 'QUEUE_TASK_NOT_FOUND',
    });
    expect(explain(`/api/mindoff/queue/${'a'.repeat(1000)}/cancel/`)).toEqual({
      code: 'QUEUE_TASK_NOT_FOUND',
    });
    expect(explain('/api/mindoff/queue/abc/unknown/')).toEqual({ code: 'ROUTE_NOT_FOUND' });
  });

  it.each([
    '/api/vendors/shop/get_profile/',
    '/api/v1/users/7/',
    '/health',
    '/v1/shop/get_profile/',
    '/apiary/v9/shop/get_profile/',
  ])('leaves %s to the app', (url) => {
    expect(explain(url)).toBeUndefined();
  });

  it('never claims a path whose app segment is not a mindoff app, whatever else it holds', () => {
    const segment = fc.stringMatching(/^[a-z0-9%._~-]{0,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 4 }), segment, (rest, version) => {
        const app = `x${rest.join('')}`;
        const url = `/api/v${version}/${app}/${rest.join('/')}`;
        if (['shop', 'orders', 'stats', 'mindoff'].includes(app)) return;
        expect(explain(url)).toBeUndefined();
      }),
      { seed: 9, numRuns: 2000 },
    );
  });

  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.string(), (url) => {
        expect(() => explain(url)).not.toThrow();
      }),
      { seed: 9, numRuns: 2000 },
    );
  });
});
