import type { MindoffApiOptions } from '../interfaces/mindoff-api-options.interface';
import { compileApi, mergeDefaults } from './compiled-api';

class SomeApi {}

const route = { version: 1, apiPath: 'shop/items', apiPaths: ['shop/items'], versions: [1] };
const depthOf = (fields: Partial<MindoffApiOptions>, defaults = {}) =>
  compileApi(
    SomeApi,
    mergeDefaults(
      { urlName: 'shop__items', name: 'Items', method: 'post', ...fields } as MindoffApiOptions,
      defaults,
    ),
    route,
    [],
  ).maxPayloadDepth;

describe('compileApi: maxPayloadDepth', () => {
  it('defaults to 20 levels', () => {
    expect(depthOf({})).toBe(20);
  });

  it("keeps the API's own limit, and null as no limit in direct mode", () => {
    expect(depthOf({ maxPayloadDepth: 4 })).toBe(4);
    expect(depthOf({ maxPayloadDepth: null })).toBeNull();
  });

  it("takes the module default when the API sets none, the API's own value over it", () => {
    expect(depthOf({}, { maxPayloadDepth: 3 })).toBe(3);
    expect(depthOf({}, { maxPayloadDepth: null })).toBeNull();
    expect(depthOf({ maxPayloadDepth: 7 }, { maxPayloadDepth: 3 })).toBe(7);
  });

  it('turns null into the queue ceiling of 1000 levels in queue mode', () => {
    expect(depthOf({ processMode: 'queue', maxPayloadDepth: null })).toBe(1000);
    expect(depthOf({ processMode: 'queue' }, { maxPayloadDepth: null })).toBe(1000);
    expect(depthOf({ processMode: 'queue' })).toBe(20);
    expect(depthOf({ processMode: 'queue', maxPayloadDepth: 999 })).toBe(999);
  });
});
