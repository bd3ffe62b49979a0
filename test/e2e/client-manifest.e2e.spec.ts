import { CounterModule } from '../fixtures/counter.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';

const COUNTED = { '1': { method: 'GET', paths: ['/v1/lab/counted/'], queued: false } };

describe.each(ADAPTERS)('the client manifest on %s', (adapter) => {
  const apps: RunningApp[] = [];
  const start = async (...args: Parameters<typeof CounterModule.with>) => {
    const app = await startApp(CounterModule.with(...args), adapter);
    apps.push(app);
    return app;
  };
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  it('is served with clientManifest: true, in a SUCCESS envelope', async () => {
    const app = await start({ clientManifest: true });
    const res = await call(app.url, 'GET', '/mindoff/apis/');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', message: { code: 'SUCCESS' } });
    expect(res.body.data).toEqual({ apis: { lab__counted: COUNTED }, taskBase: null });
  });

  it('is not served by default', async () => {
    const app = await start({});
    const res = await call(app.url, 'GET', '/mindoff/apis/');
    expect(res.status).toBe(404);
    expect(res.body?.status).not.toBe('ok');
  });

  it('follows forRootAsync options: served when they say so, ROUTE_NOT_FOUND otherwise', async () => {
    const on = await start({ clientManifest: true }, true);
    expect((await call(on.url, 'GET', '/mindoff/apis/')).body.data.apis).toEqual({
      lab__counted: COUNTED,
    });
    const off = await start({}, true);
    const res = await call(off.url, 'GET', '/mindoff/apis/');
    expect([res.status, res.body.message.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
  });

  it('lists the paths under the global prefix', async () => {
    const app = await startApp(CounterModule.with({ clientManifest: true }), adapter, {
      setup: (nest) => nest.setGlobalPrefix('api'),
    });
    apps.push(app);
    const res = await call(app.url, 'GET', '/api/mindoff/apis/');
    expect(res.body.data.apis.lab__counted['1'].paths).toEqual(['/api/v1/lab/counted/']);
  });
});
