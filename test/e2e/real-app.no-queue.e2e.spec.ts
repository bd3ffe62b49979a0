import { createRealApp, type RealApp } from '../apps/real-app/real-app';
import { ADAPTERS } from '../support/http-app';
import { exchange } from '../support/http-exchange';

describe.each(ADAPTERS)('a real app with only direct-mode mindoff APIs on %s', (adapter) => {
  let without: RealApp;
  let directOnly: RealApp;
  beforeAll(async () => {
    [without, directOnly] = await Promise.all([
      createRealApp({ adapter, mindoff: false }),
      createRealApp({ adapter, mindoff: true, queueApis: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([without?.close(), directOnly?.close()]);
  });

  it('serves its direct-mode APIs', async () => {
    const res = await exchange(directOnly.url, {
      method: 'GET',
      path: '/api/v1/shop/get_profile/',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).message.code).toBe('SUCCESS');
  });

  it.each(['/api/mindoff/queue/list/', '/api/mindoff/queue/abc/'])(
    'has no task route at %s: the app’s normal 404, as without mindoff',
    async (path) => {
      const plain = await exchange(without.url, { method: 'GET', path });
      const res = await exchange(directOnly.url, { method: 'GET', path });
      expect({ status: res.status, filter: res.headers['x-app-filter'], body: res.text }).toEqual({
        status: 404,
        filter: '1',
        body: plain.text,
      });
      expect(plain.status).toBe(404);
    },
  );
});
