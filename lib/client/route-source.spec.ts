import { envelopeAnswer, fakeFetch } from '../../test/support/fake-fetch';
import { MindoffClientError } from './mindoff-client.error';
import { RouteSource } from './route-source';
import type { MindoffClientManifest } from './route-table.type';
import { Transport } from './transport';

const BASE = 'http://api.test';
const MANIFEST: MindoffClientManifest = {
  apis: {
    shop__get_profile: {
      '1': { method: 'GET', paths: ['/api/v1/shop/get_profile/'], queued: false },
      '2': { method: 'GET', paths: ['/api/v2/shop/get_profile/'], queued: false },
    },
  },
  taskBase: '/api/mindoff/queue',
};

function source(answer: () => Response, given: ConstructorParameters<typeof RouteSource>[1] = {}) {
  const { fetch, calls } = fakeFetch(answer);
  return { routes: new RouteSource(new Transport({ baseUrl: BASE, fetch }), given), calls };
}

describe('RouteSource', () => {
  it('uses a given table without asking the server, with the default or given task base', async () => {
    const { routes, calls } = source(() => envelopeAnswer('SUCCESS', MANIFEST), {
      routes: MANIFEST.apis,
    });
    expect(await routes.load()).toEqual({ apis: MANIFEST.apis, taskBase: '/mindoff/queue' });
    const own = source(() => envelopeAnswer('SUCCESS'), { routes: {}, taskBase: '/q/' });
    expect((await own.routes.load()).taskBase).toBe('/q');
    expect(calls).toEqual([]);
  });

  it('fetches the manifest once for concurrent first calls', async () => {
    const { routes, calls } = source(() => envelopeAnswer('SUCCESS', MANIFEST), {
      manifestPath: '/api/mindoff/apis/',
    });
    const [a, b] = await Promise.all([routes.route('shop__get_profile', 1), routes.load()]);
    await routes.route('shop__get_profile', 2);
    expect(a).toEqual(MANIFEST.apis.shop__get_profile['1']);
    expect(b.taskBase).toBe('/api/mindoff/queue');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([`GET ${BASE}/api/mindoff/apis/`]);
  });

  it('tries the manifest again after a failure', async () => {
    let first = true;
    const { routes, calls } = source(() => {
      if (!first) return envelopeAnswer('SUCCESS', MANIFEST);
      first = false;
      return new Response('<h1>502</h1>', { status: 502 });
    });
    await expect(routes.load()).rejects.toMatchObject({ kind: 'not_envelope', status: 502 });
    await expect(routes.load()).resolves.toMatchObject({ taskBase: '/api/mindoff/queue' });
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['a mindoff 404 envelope', () => envelopeAnswer('ROUTE_NOT_FOUND', [], 404)],
    ["the framework's 404", () => new Response('{"statusCode":404}', { status: 404 })],
  ])('names the fix when the app serves no manifest (%s)', async (_what, answer) => {
    const { routes } = source(answer);
    const error = await routes.load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MindoffClientError);
    expect(error).toMatchObject({ kind: 'not_served', status: 404 });
    expect((error as Error).message).toContain('clientManifest: true');
    expect((error as Error).message).toContain(`${BASE}/mindoff/apis/`);
  });

  it('refuses an unknown API or version as not_served, naming what is served', async () => {
    const { routes } = source(() => envelopeAnswer('SUCCESS', MANIFEST));
    await expect(routes.route('shop__nope', 1)).rejects.toMatchObject({
      kind: 'not_served',
      message: "shop__nope is not in the app's route table.",
    });
    await expect(routes.route('shop__get_profile', 3)).rejects.toMatchObject({
      kind: 'not_served',
      message: 'shop__get_profile v3 is not served; the app serves v1, v2.',
    });
  });
});
