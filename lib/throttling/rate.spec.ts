import { RATE_PATTERN, isValidRate, parseRate } from './rate';

describe('parseRate', () => {
  it.each([
    ['1/s', 1, 1_000],
    ['30/m', 30, 60_000],
    ['100/h', 100, 3_600_000],
    ['5000/d', 5000, 86_400_000],
  ])('parses %s into its limit and window length', (text, limit, ttlMs) => {
    expect(parseRate(text)).toEqual({ limit, ttlMs, source: text });
  });

  it.each([
    ['0/m'],
    ['030/m'],
    ['30/min'],
    ['30/M'],
    ['5m'],
    [' 30/m'],
    ['30/m '],
    ['-1/m'],
    ['1.5/m'],
    ['30/'],
    ['/m'],
    ['99999999999999999999/s'],
    [''],
  ])('rejects the string %p', (text) => {
    expect(() => parseRate(text)).toThrow(TypeError);
    expect(isValidRate(text)).toBe(false);
  });

  it.each([[30], [null], [undefined], [{}], [['30/m']]])('rejects the non-string %p', (value) => {
    expect(() => parseRate(value as unknown as string)).toThrow(/Invalid rate/);
    expect(isValidRate(value)).toBe(false);
  });

  it('names the offending input in its error', () => {
    expect(() => parseRate('30/min')).toThrow('Invalid rate "30/min"');
  });
});

describe('isValidRate', () => {
  it('accepts exactly what RATE_PATTERN describes', () => {
    expect(isValidRate('7/h')).toBe(true);
    expect(RATE_PATTERN.test('7/h')).toBe(true);
    expect(RATE_PATTERN.test('7/w')).toBe(false);
  });
});
