import { rateLimitOf } from './rate-limit-state';

describe('rateLimitOf', () => {
  it('reads the draft -08 fields: the policy, its quota and window, what is left and when it resets', () => {
    const headers = new Headers({
      'RateLimit-Policy': '"orders__create_order:request";q=30;w=60',
      RateLimit: '"orders__create_order:request";r=29;t=42',
    });
    expect(rateLimitOf(headers)).toEqual({
      policy: 'orders__create_order:request',
      limit: 30,
      remaining: 29,
      resetSeconds: 42,
      windowSeconds: 60,
    });
  });

  it('takes the policy RateLimit names from a list of several, with escapes and spaces', () => {
    const headers = new Headers({
      'RateLimit-Policy': '"burst";q=5;w=1, "a \\"b\\":request"; q=100; w=3600',
      RateLimit: '"a \\"b\\":request";r=0;t=7',
    });
    expect(rateLimitOf(headers)).toMatchObject({
      policy: 'a "b":request',
      limit: 100,
      remaining: 0,
      resetSeconds: 7,
    });
  });

  it('reads the draft -06 fields, which name no policy', () => {
    const headers = new Headers({
      'RateLimit-Limit': '2',
      'RateLimit-Remaining': '1',
      'RateLimit-Reset': '59',
    });
    expect(rateLimitOf(headers)).toEqual({ limit: 2, remaining: 1, resetSeconds: 59 });
  });

  it('answers null without fields, or with fields it cannot read', () => {
    expect(rateLimitOf(new Headers())).toBeNull();
    expect(
      rateLimitOf(new Headers({ 'RateLimit-Limit': 'many', 'RateLimit-Remaining': '1' })),
    ).toBeNull();
    expect(
      rateLimitOf(new Headers({ 'RateLimit-Policy': 'garbage', RateLimit: '"x";t=1' })),
    ).toBeNull();
  });
});
