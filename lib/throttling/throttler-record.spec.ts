import { toThrottlerRecord } from './throttler-record';

describe('toThrottlerRecord', () => {
  it('reports an unblocked request with the seconds left in its window, rounded up', () => {
    expect(toThrottlerRecord(3, 3, 1_001, 0)).toEqual({
      totalHits: 3,
      timeToExpire: 2,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });

  it('blocks a request over the limit until the window ends', () => {
    expect(toThrottlerRecord(4, 3, 2_500, 0)).toEqual({
      totalHits: 4,
      timeToExpire: 3,
      isBlocked: true,
      timeToBlockExpire: 3,
    });
  });

  it('keeps blocking while an explicit block runs, even within the limit', () => {
    expect(toThrottlerRecord(1, 3, 1_000, 4_200)).toEqual({
      totalHits: 1,
      timeToExpire: 1,
      isBlocked: true,
      timeToBlockExpire: 5,
    });
  });

  it('reports the longer of window and block when both apply', () => {
    expect(toThrottlerRecord(5, 3, 9_000, 2_000).timeToBlockExpire).toBe(9);
    expect(toThrottlerRecord(5, 3, 2_000, 9_000).timeToBlockExpire).toBe(9);
  });

  it('never reports negative times', () => {
    expect(toThrottlerRecord(1, 3, -5, -5)).toEqual({
      totalHits: 1,
      timeToExpire: 0,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });
});
