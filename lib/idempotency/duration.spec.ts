import { parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['24h', 86_400_000],
    ['15m', 900_000],
    ['30s', 30_000],
    ['7d', 604_800_000],
    ['500ms', 500],
    ['1.5s', 1500],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([['24'], ['h'], ['-1h'], ['0s'], ['1 week'], [24], [null]])('refuses %p', (value) => {
    expect(parseDuration(value)).toBeNull();
  });
});
