import { indexInCode, topLevelItems } from './source-scanner';

const items = (source: string) => {
  const open = source.indexOf('{');
  return topLevelItems(source, { open, close: source.lastIndexOf('}') }).map((item) => ({
    text: item.text,
    at: source.slice(item.start, item.end),
  }));
};

describe('topLevelItems', () => {
  it('splits on top-level commas only', () => {
    expect(items("{ a: [1, 2], b: f(3, 4), c: '5,6' }").map((item) => item.text)).toEqual([
      'a: [1, 2]',
      'b: f(3, 4)',
      "c: '5,6'",
    ]);
  });

  it('leaves out the comments around an item, and comment-only stretches, start and end included', () => {
    const source = `{
  // Identity
  urlName: 'a__b', // the route name
  /* kept apart */ name: 'B',
  // deprecated: false, // true, or { since }
  // limits: {
  //   request: '30/m',
  // },
}`;
    expect(items(source)).toEqual([
      { text: "urlName: 'a__b'", at: "urlName: 'a__b'" },
      { text: "name: 'B'", at: "name: 'B'" },
    ]);
  });

  it('keeps comments inside an item, and strings that look like comments', () => {
    expect(items("{ a: f(1 /* one */), b: 'http://x' }").map((item) => item.text)).toEqual([
      'a: f(1 /* one */)',
      "b: 'http://x'",
    ]);
  });
});

describe('indexInCode', () => {
  it('finds the text in code, past strings, template literals and comments holding it', () => {
    const source = '// f(\n/* f( */ \'f(\' "f(" `f(` g(f(';
    expect(indexInCode(source, 'f(')).toBe(source.lastIndexOf('f('));
  });

  it('is -1 when only comments and strings hold it', () => {
    expect(indexInCode("// f(\nconst a = 'f(';", 'f(')).toBe(-1);
  });
});
