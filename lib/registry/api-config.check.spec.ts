import { checkApiConfig } from './api-config.check';

const env = { hasRun: true, isStrategy: (name: string) => name === 'jwt' };
const sound = { urlName: 'orders__create_order', name: 'Create Order', method: 'post' };
const check = (extra: Record<string, unknown>) =>
  checkApiConfig('CreateOrderV1Api', { ...sound, ...extra }, env);

describe('checkApiConfig', () => {
  it('accepts a sound declaration', () => {
    expect(
      check({
        auth: ['jwt'],
        limits: { request: '10/s', queueStatusStream: 0 },
        maxPayloadDepth: 3,
      }),
    ).toEqual([]);
  });

  it.each([
    [
      { urlName: '' },
      "CreateOrderV1Api: urlName must be a non-empty string such as 'orders__create_order'",
    ],
    [
      { urlName: 'orders/create' },
      "CreateOrderV1Api: urlName 'orders/create' must be <app>__<api>",
    ],
    [{ urlName: 'orders___x' }, "urlName 'orders___x' must be <app>__<api>"],
    [{ name: '  ' }, 'CreateOrderV1Api: name must be a non-empty string'],
    [{ description: null }, 'CreateOrderV1Api: description null must be a string'],
    [{ method: 'fetch' }, "CreateOrderV1Api: method 'fetch' is not allowed"],
    [{ method: undefined }, 'CreateOrderV1Api: method undefined is not allowed'],
    [
      { processMode: 'later' },
      "CreateOrderV1Api: processMode 'later' must be 'direct' or 'queue'.",
    ],
    [{ auth: 'jwt' }, "CreateOrderV1Api: auth 'jwt' must be a list of passport strategy names"],
    [{ auth: [''] }, "CreateOrderV1Api: auth entry '' must be a passport strategy name"],
    [{ auth: ['local'] }, "CreateOrderV1Api: auth 'local' is not a registered passport strategy"],
    [
      { permissions: ['IsAuthenticated'] },
      "CreateOrderV1Api: permissions entry 'IsAuthenticated' must be a class with canActivate(context)",
    ],
    [{ permissions: {} }, 'CreateOrderV1Api: permissions {} must be a list of CanActivate classes'],
    [
      { payloadValidation: 'loose' },
      "CreateOrderV1Api: payloadValidation 'loose' must be 'strict', 'basic' or null.",
    ],
    [
      { maxPayloadSize: -1 },
      'CreateOrderV1Api: maxPayloadSize -1 must be a positive number of megabytes',
    ],
    [{ maxPayloadSize: '2' }, "CreateOrderV1Api: maxPayloadSize '2' must be a positive number"],
    [
      { maxPayloadDepth: 2.5 },
      'CreateOrderV1Api: maxPayloadDepth 2.5 must be a positive number of levels, a whole number',
    ],
    [
      { processMode: 'queue', maxPayloadDepth: 1001 },
      'CreateOrderV1Api: maxPayloadDepth 1001 is deeper than a queued task can be stored safely (1000 levels)',
    ],
    [
      { limits: '30/m' },
      "CreateOrderV1Api: limits '30/m' must be an object such as { request: '30/m' }.",
    ],
    [
      { limits: { request: '30/min' } },
      "CreateOrderV1Api: limits.request '30/min' must look like '<n>/<s|m|h|d>', e.g. '30/m'",
    ],
    [
      { limits: { queueCancel: '0/m' } },
      "CreateOrderV1Api: limits.queueCancel '0/m' must look like",
    ],
    [
      { limits: { queueStatusStream: '3' } },
      "CreateOrderV1Api: limits.queueStatusStream '3' must be a whole number >= 0",
    ],
    [
      { limits: { burst: '1/s' } },
      'CreateOrderV1Api: limits.burst is not a limit; the limits are request, queueDetail',
    ],
    [
      { allowDuplicateQueue: 'no' },
      "CreateOrderV1Api: allowDuplicateQueue 'no' must be true or false.",
    ],
    [{ payload_schema: {} }, 'CreateOrderV1Api: payload_schema is not a @MindoffApi field'],
  ])('reports %j', (extra, text) => {
    const problems = check(extra);
    expect(problems.join('\n')).toContain(text);
  });

  it('reports a missing run()', () => {
    expect(checkApiConfig('X', sound, { ...env, hasRun: false })).toEqual([
      'X: run() is missing; add `async run(ctx: MindoffContext) { ... }`.',
    ]);
  });

  it('reports every problem of one class at once', () => {
    expect(check({ name: '', method: 'x', limits: { request: 'x' } })).toHaveLength(3);
  });

  it('lets a queue-mode API be as deep as the queue ceiling (1000 levels), a direct one deeper', () => {
    expect(check({ processMode: 'queue', maxPayloadDepth: 1000 })).toEqual([]);
    expect(check({ processMode: 'queue', maxPayloadDepth: null })).toEqual([]);
    expect(check({ maxPayloadDepth: 100_000 })).toEqual([]);
  });

  describe('progressSteps (queue mode only)', () => {
    const queue = (steps: unknown) =>
      check({ processMode: 'queue', progressSteps: steps }).join('\n');

    it('accepts strictly increasing percents', () => {
      expect(queue({ a: { label: 'A', percent: 10 }, b: { label: 'B', percent: 90 } })).toBe('');
    });
    it('refuses steps on a direct API', () => {
      expect(check({ progressSteps: { a: { label: 'A', percent: 10 } } }).join()).toContain(
        'only valid for queue-mode APIs',
      );
    });
    it('refuses a percent outside 1..99 or not whole', () => {
      expect(queue({ a: { label: 'A', percent: 100 } })).toContain(
        "['a'].percent 100 must be a whole number between 1 and 99",
      );
      expect(queue({ a: { label: 'A', percent: 10.5 } })).toContain("['a'].percent 10.5");
    });
    it('refuses a blank label', () => {
      expect(queue({ a: { label: ' ', percent: 10 } })).toContain(
        "['a'].label must be a non-blank string.",
      );
    });
    it('refuses percents that do not increase', () => {
      expect(queue({ a: { label: 'A', percent: 50 }, b: { label: 'B', percent: 30 } })).toContain(
        "percent for 'b' (30) must be greater than 'a' (50)",
      );
    });
    it('refuses a step that is not an object', () => {
      expect(queue({ a: 5 })).toContain("['a'] must be an object { label, percent }.");
    });
  });
});
