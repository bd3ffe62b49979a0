import type { MindoffTelemetry as Telemetry } from './mindoff.telemetry';
import { MINDOFF_TELEMETRY } from './request.telemetry';

const api = { urlName: 'shop__get', method: 'GET', route: { version: 1, apiPath: 'shop/get' } };

/** MindoffTelemetry loaded afresh, with `@opentelemetry/api` replaced by `factory`. */
function telemetryWith(factory: () => unknown): Telemetry {
  let telemetry!: Telemetry;
  jest.isolateModules(() => {
    jest.doMock('@opentelemetry/api', factory);
    const { MindoffTelemetry } =
      jest.requireActual<typeof import('./mindoff.telemetry')>('./mindoff.telemetry');
    telemetry = new MindoffTelemetry();
  });
  return telemetry;
}

describe('MindoffTelemetry', () => {
  afterEach(() => jest.dontMock('@opentelemetry/api'));

  it('is a no-op when @opentelemetry/api is not installed', () => {
    const telemetry = telemetryWith(() => {
      throw Object.assign(new Error("Cannot find module '@opentelemetry/api'"), {
        code: 'MODULE_NOT_FOUND',
      });
    });
    const request: Record<symbol, unknown> = {};
    expect(telemetry.recording).toBe(false);
    expect(telemetry.begin(api, request, { statusCode: 200 })).toBeUndefined();
    expect(request[MINDOFF_TELEMETRY]).toBeUndefined();
    expect(
      telemetry.taskStarted({ id: 't', createdAt: 0, request: { urlName: 'a', version: 1 } }),
    ).toBeUndefined();
    expect(() =>
      telemetry.observeQueueDepth(async () => ({ waiting: 0, active: 0 }))(),
    ).not.toThrow();
  });

  it('rethrows any other failure while loading @opentelemetry/api', () => {
    expect(() =>
      telemetryWith(() => {
        throw new Error('broken install');
      }),
    ).toThrow('broken install');
  });

  it('records nothing and leaves nothing on the request while no SDK is registered', () => {
    const telemetry = telemetryWith(() => jest.requireActual('@opentelemetry/api'));
    const request: Record<symbol, unknown> = {};
    expect(telemetry.recording).toBe(false);
    expect(telemetry.begin(api, request, { statusCode: 200 })).toBeUndefined();
    expect(Object.getOwnPropertySymbols(request)).toEqual([]);
  });
});
