import { appendSegment, formatPath, pathLabel, receivedType } from './validation-issue';

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
