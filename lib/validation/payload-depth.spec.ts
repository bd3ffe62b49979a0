import { isStackOverflow, payloadDepth, tooDeepIssue } from './payload-depth';

const nestedArray = (levels: number): unknown => {
  let value: unknown = [];
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe('payloadDepth', () => {
  it.each([
    ['a scalar', 5, 0],
    ['null', null, 0],
    ['an empty object', {}, 0],
    ['an empty array', [], 0],
    ['a flat object', { a: 1 }, 1],
    ['an array of an empty array', [[]], 1],
    ['an array of an array of a scalar', [[1]], 2],
    ['three nested objects', { level1: { level2: { level3: 'x' } } }, 3],
    ['the deepest branch of a wide body', { a: 1, b: [{ c: [1, 2] }], d: { e: 'x' } }, 4],
  ])('measures %s', (_what, value, depth) => {
    expect(payloadDepth(value, 100)).toBe(depth);
  });

  it('returns exactly the depth when it equals the limit', () => {
    expect(payloadDepth({ level1: { level2: { level3: 'x' } } }, 3)).toBe(3);
  });

  it('returns limit + 1 as soon as the depth passes the limit', () => {
    expect(payloadDepth({ level1: { level2: { level3: 'x' } } }, 2)).toBe(3);
    expect(payloadDepth({ a: 1 }, 0)).toBe(1);
  });

  it('measures a 100,000-deep array without overflowing the stack', () => {
    expect(payloadDepth(nestedArray(100000), Infinity)).toBe(100000);
  });

  it('stops early on a 100,000-deep array with a small limit', () => {
    expect(payloadDepth({ a: nestedArray(100000) }, 32)).toBe(33);
  });

  it('counts own __proto__ keys of a parsed body like any other key', () => {
    expect(payloadDepth(JSON.parse('{"__proto__":{"x":{"y":1}}}'), 10)).toBe(3);
  });
});

describe('tooDeepIssue', () => {
  it('names the limit a body passed', () => {
    expect(tooDeepIssue(20)).toEqual({
      path: '',
      code: 'too_deep',
      message: 'payload is nested deeper than 20 level(s)',
      expected: 'depth <= 20',
      received: 'depth > 20',
    });
  });

  it('says the body was too deep to follow when no limit was set', () => {
    expect(tooDeepIssue(null)).toMatchObject({ path: '', code: 'too_deep' });
    expect(tooDeepIssue(null).message).toMatch(/too deeply/);
  });
});

describe('isStackOverflow', () => {
  it("recognises the engine's own call-stack overflow, and nothing else", () => {
    let overflow: unknown;
    try {
      JSON.stringify(nestedArray(1_000_000));
    } catch (error) {
      overflow = error;
    }
    expect(isStackOverflow(overflow)).toBe(true);
    expect(isStackOverflow(new RangeError('Invalid array length'))).toBe(false);
    expect(isStackOverflow(new Error('Maximum call stack size exceeded'))).toBe(false);
  });
});
