import fc from 'fast-check';
import { jsonTextDepth } from './json-text-depth';
import { payloadDepth } from './payload-depth';

const depthOfText = (text: string, limit = 1000) => jsonTextDepth(Buffer.from(text), limit);

describe('jsonTextDepth', () => {
  it.each([
    ['5', 0],
    ['"a"', 0],
    ['{}', 0],
    ['[]', 0],
    ['{"a":1}', 1],
    ['[[]]', 1],
    ['[[1]]', 2],
    ['{"a":{"b":[true,null,-1.5e3]}}', 3],
    ['{"a":"}]]}\\"{[["}', 1],
    ['{"k\\\\":["\\\\"]}', 2],
    [' { "a" : [ 1 , { } ] } ', 2],
    ['{"é😀":["\u2028"]}', 2],
  ])('reads %s as depth %i', (text, depth) => {
    expect(depthOfText(text)).toBe(depth);
    expect(depthOfText(text)).toBe(payloadDepth(JSON.parse(text), 1000));
  });

  it('stops past the limit with limit + 1, as payloadDepth does', () => {
    const deep = '['.repeat(50) + ']'.repeat(50);
    expect(depthOfText(deep, 10)).toBe(11);
    expect(depthOfText(deep, 10)).toBe(payloadDepth(JSON.parse(deep), 10));
    expect(depthOfText('[[1]]', 2)).toBe(2);
    expect(depthOfText('[[1]]', 1)).toBe(2);
  });

  it('agrees with payloadDepth on any JSON text, compact or indented, at any limit', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        fc.constantFrom(0, 1, 2, '\t'),
        fc.integer({ min: 0, max: 8 }),
        (value, indent, limit) => {
          const text = JSON.stringify(value, null, indent);
          return jsonTextDepth(Buffer.from(text), limit) === payloadDepth(JSON.parse(text), limit);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
