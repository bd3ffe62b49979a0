import { MemoryIdempotencyStore } from './memory-idempotency.store';

const outcome = { httpStatus: 200, body: '{}' } as never;

describe('MemoryIdempotencyStore', () => {
  it('forgets answered keys once their ttl has passed, a few per claim, without timers', async () => {
    let now = 0;
    const store = new MemoryIdempotencyStore(() => now);
    for (let i = 0; i < 100; i++) {
      await store.claim(`k${i}`, 'f', `t${i}`, 1000);
      await store.complete(`k${i}`, `t${i}`, outcome, 60_000);
    }
    expect(store.size).toBe(100);
    now = 60_001;
    await store.claim('fresh0', 'f', 't', 1000);
    // A claim removes up to 4 expired entries from the front, and adds its own.
    expect(store.size).toBe(100 - 4 + 1);
    for (let i = 1; i < 30; i++) await store.claim(`fresh${i}`, 'f', 't', 1000);
    expect(store.size).toBe(30);
    expect(await store.claim('k99', 'f', 't', 1000)).toEqual({ state: 'claimed' });
  });

  it('keeps a live answer that was claimed first, behind which expired locks wait their turn', async () => {
    let now = 0;
    const store = new MemoryIdempotencyStore(() => now);
    await store.claim('lock', 'f', 'dead', 1000); // its request died: never answered
    await store.claim('answer', 'f', 'a', 1000);
    await store.complete('answer', 'a', outcome, 60_000);
    now = 2000;
    // The dead lock expired: a claim of its key takes it.
    expect(await store.claim('lock', 'f', 'new', 1000)).toEqual({ state: 'claimed' });
    expect(await store.claim('answer', 'f', 'b', 1000)).toMatchObject({ state: 'done' });
  });

  it('holds only the live keys under steady expiry, freed keys and keys claimed again included', async () => {
    let now = 0;
    const store = new MemoryIdempotencyStore(() => now);
    for (let i = 0; i < 20_000; i++) {
      now = i;
      await store.claim(`k${i}`, 'f', `t${i}`, 50);
      if (i % 3 === 0) await store.release(`k${i}`, `t${i}`);
      else await store.complete(`k${i}`, `t${i}`, outcome, 100);
      // An expired key claimed again is a new entry: the old one must not remove it.
      if (i % 500 === 0 && i >= 200) {
        expect(await store.claim(`k${i - 200 + 1}`, 'f', 'again', 50)).toEqual({
          state: 'claimed',
        });
      }
    }
    // Answers of the last 100 ms (two in three requests), the locks claimed again.
    expect(store.size).toBeGreaterThanOrEqual(66);
    expect(store.size).toBeLessThanOrEqual(66 + 1 + 40);
    expect(await store.claim('k19801', 'f', 't', 1000)).toEqual({ state: 'claimed' });
    expect(await store.claim('k19999', 'g', 't', 1000)).toMatchObject({ state: 'done' });
  });
});
