import type { ApiRouteMetadata } from '../../lib/interfaces/api-route-metadata.interface';
import { API_OPTION_KEYS, LIMIT_KEYS } from '../../lib/mindoff.constants';
import { compileApi } from '../../lib/registry/compiled-api';
import { parseRate, type Rate } from '../../lib/throttling';
import { API_FIELDS, apiField } from './api-fields';

const MEGABYTE = 1024 * 1024;

/** How the library compiles a declaration that says only what it must. */
function compiledMinimal() {
  const route = { version: 1, apiPath: 'orders/ping', apiPaths: ['orders/ping'], versions: [1] };
  return compileApi(
    class PingV1Api {},
    { urlName: 'orders__ping', name: 'Ping', method: 'GET' },
    route as ApiRouteMetadata,
    [],
  );
}

const defaultOf = (key: string) => apiField(key).default;

describe('the table of @MindoffApi fields', () => {
  it('lists every field the library accepts, once, and every limit', () => {
    expect(API_FIELDS.map((field) => field.key).sort()).toEqual([...API_OPTION_KEYS].sort());
    expect(
      apiField('limits')
        .fields?.map((field) => field.key)
        .sort(),
    ).toEqual([...LIMIT_KEYS].sort());
  });

  it('marks required exactly the fields a declaration cannot leave out', () => {
    expect(API_FIELDS.filter((field) => field.required).map((field) => field.key)).toEqual([
      'urlName',
      'name',
      'method',
    ]);
    expect(API_FIELDS.filter((field) => !field.required && field.default === undefined)).toEqual(
      [],
    );
  });

  it("gives the library's own defaults for what a declaration leaves out", () => {
    const compiled = compiledMinimal();
    expect(defaultOf('description')).toBe(compiled.description);
    expect(defaultOf('processMode')).toBe(compiled.processMode);
    expect(defaultOf('auth')).toEqual(compiled.auth);
    expect(defaultOf('permissions')).toEqual(compiled.permissions);
    expect(defaultOf('payloadValidation')).toBe(compiled.validation);
    expect(defaultOf('payloadSchema')).toBeNull();
    expect(compiled.hasSchema).toBe(false);
    expect(defaultOf('maxPayloadSize')).toBe(Number(compiled.maxPayloadBytes) / MEGABYTE);
    expect(defaultOf('maxPayloadDepth')).toBe(compiled.maxPayloadDepth);
    expect(defaultOf('deprecated')).toBe(false);
    expect(compiled.deprecation).toBeNull();
    for (const key of ['params', 'query', 'files', 'responseSchema', 'progressSteps']) {
      expect([key, defaultOf(key)]).toEqual([key, null]);
    }
    expect(compiled.paramsCheck).toBeNull();
    expect(compiled.queryCheck).toBeNull();
    expect(compiled.uploads).toBeNull();
    expect(defaultOf('allowDuplicateQueue')).toBe(Boolean(compiled.options.allowDuplicateQueue));
  });

  it("gives the library's own default limits", () => {
    const compiled = compiledMinimal();
    const rate = (key: string) => parseRate(String(defaultOf(`limits.${key}`)));
    // The compiled policy is the rate plus its rate-limit fields.
    const rateOf = (policy: Rate | null) =>
      policy && { limit: policy.limit, ttlMs: policy.ttlMs, source: policy.source };
    expect(rate('request')).toEqual(rateOf(compiled.rate));
    expect(rate('queueDetail')).toEqual(rateOf(compiled.queueRates.detail));
    expect(rate('queueCancel')).toEqual(rateOf(compiled.queueRates.cancel));
    expect(rate('queueRetry')).toEqual(rateOf(compiled.queueRates.retry));
    expect(defaultOf('limits.queueStatusStream')).toBe(compiled.streamLimit);
  });

  it('says so when asked for a field that does not exist', () => {
    expect(() => apiField('limits.queueSize')).toThrow("No @MindoffApi field 'limits.queueSize'.");
  });
});
