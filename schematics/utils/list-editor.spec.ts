import * as ts from 'typescript';
import { appendToList } from './list-editor';
import { findNode, parseSource } from './typescript-source';

/** Appends `x` to the first array literal of `source`. */
const append = (source: string, element = 'x') => {
  const array = findNode(parseSource(source), ts.isArrayLiteralExpression)!;
  return appendToList(source, array, element);
};

describe('appendToList', () => {
  it('fills an empty list and appends on one line to a one-line list', () => {
    expect(append('const a = [];\n')).toBe('const a = [x];\n');
    expect(append('const a = [b, c];\n')).toBe('const a = [b, c, x];\n');
  });

  it('appends a line at the last item’s indent, keeping a trailing comma', () => {
    expect(append('const a = [\n  b,\n  c,\n];\n')).toBe('const a = [\n  b,\n  c,\n  x,\n];\n');
  });

  it('adds no trailing comma where the list has none', () => {
    expect(append('const a = [\n  b,\n  c\n];\n')).toBe('const a = [\n  b,\n  c,\n  x\n];\n');
  });

  it('leaves the comments that end the last line on it, and those inside items alone', () => {
    expect(append('const a = [\n  b, // bee\n  c, /* sea */ // see\n];\n')).toBe(
      'const a = [\n  b, // bee\n  c, /* sea */ // see\n  x,\n];\n',
    );
    expect(append("const a = [\n  f(1, /* , */ ']'),\n];\n")).toBe(
      "const a = [\n  f(1, /* , */ ']'),\n  x,\n];\n",
    );
  });

  it('appends after a multi-line last item', () => {
    expect(append('const a = [\n  f({\n    y: 1,\n  }),\n];\n')).toBe(
      'const a = [\n  f({\n    y: 1,\n  }),\n  x,\n];\n',
    );
  });
});
