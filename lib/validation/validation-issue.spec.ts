import { appendSegment, formatPath, pathLabel, receivedType, renderKey } from './validation-issue';

describe('validation issue paths', () => {
  it('renders identifier keys with dots and indexes with brackets', () => {
    expect(formatPath(['items', 1, 'qty'])).toBe('items[1].qty');
  });

  it('renders the root as an empty path, called payload in messages', () => {
    expect(formatPath([])).toBe('');
    expect(pathLabel('')).toBe('payload');
    expect(pathLabel('items')).toBe('items');
  });

  it('renders keys that are not identifiers with brackets and JSON quotes', () => {
    expect(formatPath(['meta', 'a b'])).toBe('meta["a b"]');
    expect(formatPath(['0'])).toBe('["0"]');
    expect(formatPath(['say "hi"'])).toBe('["say \\"hi\\""]');
    expect(appendSegment('payloadSchema', 'qty')).toBe('payloadSchema.qty');
  });

  it('renders one key for the root (no dot) or after a parent, brackets for the rest', () => {
    expect(renderKey('qty', true)).toBe('qty');
    expect(renderKey('qty', false)).toBe('.qty');
    expect(renderKey('a b', true)).toBe('["a b"]');
    expect(renderKey('', false)).toBe('[""]');
  });

  it.each([
    ['x', 'string'],
    [1.5, 'number'],
    [false, 'boolean'],
    [null, 'null'],
    [[], 'array'],
    [{}, 'object'],
    [undefined, 'undefined'],
  ])('names the received type of %p as %s', (value, name) => {
    expect(receivedType(value)).toBe(name);
  });
});
