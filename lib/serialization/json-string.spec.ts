import fc from 'fast-check';
import { jsonString } from './json-string';

describe('jsonString', () => {
  it.each([
    '',
    'SKU-001',
    'say "hi"',
    'back\\slash',
    'line\nbreak',
    '\u0000\u001f\u007f',
    '\u2028\u2029',
    '</script>',
    'é ü 漢字',
    '😀',
    '\ud800',
    'tail \udc00',
    'x'.repeat(40),
    `${'x'.repeat(40)}"`,
  ])('writes %j exactly as JSON.stringify does', (text) => {
    expect(jsonString(text)).toBe(JSON.stringify(text));
  });

  it('writes any string exactly as JSON.stringify does', () => {
    const strings = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.string({ maxLength: 60 }),
    );
    fc.assert(
      fc.property(strings, (text) => jsonString(text) === JSON.stringify(text)),
      { numRuns: 2000 },
    );
  });
});
