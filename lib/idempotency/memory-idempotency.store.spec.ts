import { MemoryIdempotencyStore } from './memory-idempotency.store';

const outcome = { httpStatus: 200, body: '{}' } as never;
const answer = (bytes: number) =>
  ({
    status: 200,
    body: 'x'.repeat(bytes),
    object: true,
    contentType: 'application/json',
  }) as const;

describe('MemoryIdempotencyStore', () => {
  it('forgets answered keys once their ttl has passed, a few per claim, without timers', async () => {
    let now = 0;
    const store = new MemoryIdempotencyStore({ now: () => now });
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
    const store = new MemoryIdempotencyStore({ now: () => now });
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
    const store = new MemoryIdempotencyStore({ now: () => now });
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

  it('stays under maxBytes by forgetting the oldest answers first, never a key whose request still runs', async () => {
    let now = 0;
    const forgotten: number[] = [];
    const store = new MemoryIdempotencyStore({
      maxBytes: 10_000,
      now: () => now,
      onForget: (count) => forgotten.push(count),
    });
    await store.claim('running', 'f', 'r', 60_000); // never answered while this runs
    for (let i = 0; i < 100; i++) {
      now = i;
      await store.claim(`k${i}`, 'f', `t${i}`, 60_000);
      await store.complete(`k${i}`, `t${i}`, answer(1000), 600_000);
      expect(store.bytes).toBeLessThanOrEqual(10_000);
    }
    // About six answers of 1,000 bytes and their records fit: the newest ones.
    expect(await store.claim('k99', 'g', 'x', 1000)).toMatchObject({ state: 'done' });
    expect(await store.claim('k95', 'g', 'x', 1000)).toMatchObject({ state: 'done' });
    expect(await store.claim('k0', 'f', 'again', 1000)).toEqual({ state: 'claimed' });
    expect(await store.claim('running', 'f', 'other', 1000)).toMatchObject({ state: 'running' });
    // Told at once, then at most once a minute (the next forgetting after it tells the rest).
    expect(forgotten).toEqual([1]);
    now = 70_000;
    await store.claim('late', 'f', 'l', 1000);
    await store.complete('late', 'l', answer(3000), 60_000);
    expect(forgotten.length).toBe(2);
    expect(forgotten[1]).toBeGreaterThan(90);
  });

  it('counts every byte it frees: nothing once every key has gone, however it went', async () => {
    let now = 0;
    const store = new MemoryIdempotencyStore({ maxBytes: 5_000, now: () => now });
    const keys: string[] = [];
    for (let i = 0; i < 50; i++) {
      keys.push(`k${i}`);
      await store.claim(`k${i}`, 'f', `t${i}`, 100);
      if (i % 2) await store.complete(`k${i}`, `t${i}`, answer(500), 100);
      else if (i % 3) await store.release(`k${i}`, `t${i}`);
    }
    expect(store.bytes).toBeGreaterThan(0);
    now = 1000;
    for (const key of keys) {
      await store.claim(key, 'f', 'z', 1);
      await store.release(key, 'z');
    }
    expect([store.size, store.bytes]).toEqual([0, 0]);
  });
});
