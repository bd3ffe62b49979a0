import { KeyRenewal, type RenewedKey } from './key-renewal';

function key(): RenewedKey & { renewals: number } {
  return {
    renewalSlot: -1,
    renewals: 0,
    renew() {
      this.renewals++;
    },
  };
}

describe('KeyRenewal', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('renews every tracked key every lockTtl / 3, and a key no more once untracked', () => {
    const renewal = new KeyRenewal(3000);
    const first = key();
    const second = key();
    renewal.track(first);
    renewal.track(second);
    jest.advanceTimersByTime(3000);
    expect(first.renewals).toBe(3);
    expect(second.renewals).toBe(3);
    renewal.untrack(first);
    jest.advanceTimersByTime(3000);
    expect(first.renewals).toBe(3);
    expect(second.renewals).toBe(6);
    renewal.stop();
  });

  it('keeps one timer however many keys it holds, starts it with the first key and stops it on stop()', () => {
    const renewal = new KeyRenewal(300);
    expect(jest.getTimerCount()).toBe(0);
    for (let i = 0; i < 50; i++) renewal.track(key());
    expect(jest.getTimerCount()).toBe(1);
    renewal.stop();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('untracks only the key it is given', () => {
    const renewal = new KeyRenewal(300);
    const a = key();
    const b = key();
    renewal.track(a);
    renewal.track(b);
    renewal.untrack(a);
    jest.advanceTimersByTime(100);
    expect([a.renewals, b.renewals]).toEqual([0, 1]);
    renewal.stop();
  });

  it('untracks a key from the middle and keeps renewing every other one, and untracking twice changes nothing', () => {
    const renewal = new KeyRenewal(300);
    const keys = [key(), key(), key(), key()];
    keys.forEach((k) => renewal.track(k));
    renewal.untrack(keys[1]);
    renewal.untrack(keys[1]);
    renewal.untrack(keys[0]);
    expect(renewal.size).toBe(2);
    jest.advanceTimersByTime(100);
    expect(keys.map((k) => k.renewals)).toEqual([0, 0, 1, 1]);
    renewal.track(keys[0]);
    renewal.untrack(keys[3]);
    jest.advanceTimersByTime(100);
    expect(keys.map((k) => k.renewals)).toEqual([1, 0, 2, 1]);
    expect(renewal.size).toBe(2);
    renewal.stop();
  });
});
