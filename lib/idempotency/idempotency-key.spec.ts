import { idempotencyKeyOf } from './idempotency-key';

describe('idempotencyKeyOf', () => {
  it('reads a structured-field string and a bare token as the same key', () => {
    expect(idempotencyKeyOf('"8e03978e-40d5"')).toEqual({ key: '8e03978e-40d5' });
    expect(idempotencyKeyOf('8e03978e-40d5')).toEqual({ key: '8e03978e-40d5' });
  });

  it('unescapes \\" and \\\\ inside a structured-field string', () => {
    expect(idempotencyKeyOf('"a\\"b\\\\c"')).toEqual({ key: 'a"b\\c' });
  });

  it("says 'missing' without the header", () => {
    expect(idempotencyKeyOf(undefined)).toBe('missing');
  });

  it.each([
    ['empty', ''],
    ['an empty string', '""'],
    ['over 255 characters', 'k'.repeat(256)],
    ['not printable ASCII', 'cl\u00e9'],
    ['a control character', 'a\u0001b'],
    ['an unterminated string', '"open'],
    ['text after the string', '"a" b'],
    ['a bad escape', '"a\\nb"'],
    ['a stray quote in a bare token', 'a"b'],
    ['two headers', ['a', 'b']],
  ])("says 'invalid' for %s", (_case, header) => {
    expect(idempotencyKeyOf(header)).toBe('invalid');
  });

  it('accepts exactly 255 characters', () => {
    expect(idempotencyKeyOf('k'.repeat(255))).toEqual({ key: 'k'.repeat(255) });
  });
});
