import { KeyRenewal, type RenewedKey } from './key-renewal';

function key(id: number): RenewedKey & { renewals: number } {
  return {
    id,
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
    const first = key(1);
    const second = key(2);
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
    for (let id = 1; id <= 50; id++) renewal.track(key(id));
    expect(jest.getTimerCount()).toBe(1);
    renewal.stop();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('untracks only the key it is given', () => {
    const renewal = new KeyRenewal(300);
    const a = key(1);
    const b = key(2);
    renewal.track(a);
    renewal.track(b);
    renewal.untrack(a);
    jest.advanceTimersByTime(100);
    expect([a.renewals, b.renewals]).toEqual([0, 1]);
    renewal.stop();
  });
});
