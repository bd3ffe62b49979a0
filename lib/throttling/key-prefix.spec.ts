import { keyPrefix, prefixName } from './key-prefix';

describe('key prefixes', () => {
  it('puts one ":" after a name, whether or not the name ends with one', () => {
    expect(keyPrefix('my-rl')).toBe('my-rl:');
    expect(keyPrefix('my-rl:')).toBe('my-rl:');
    expect(keyPrefix('mindoff:rl')).toBe('mindoff:rl:');
  });

  it('gives BullMQ the name alone, since BullMQ adds the ":"', () => {
    expect(prefixName('app')).toBe('app');
    expect(prefixName('app:')).toBe('app');
  });
});
