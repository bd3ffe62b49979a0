import fc from 'fast-check';
import type { IdempotencyOutcome } from '../interfaces/idempotency-store.interface';
import { MemoryIdempotencyStore } from './memory-idempotency.store';

const LOCK_MS = 100;
const TTL_MS = 1_000_000;
const outcome = (token: string): IdempotencyOutcome => ({
  status: 200,
  body: token,
  object: false,
  contentType: 'application/json',
});

const steps = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('arrive' as const), payload: fc.constantFrom('same', 'other') }),
    fc.record({
      kind: fc.constantFrom('finish' as const, 'throw' as const, 'crash' as const),
      which: fc.nat(5),
    }),
    fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 2 * LOCK_MS }) }),
  ),
  { maxLength: 40 },
);

describe('idempotency keys over any interleaving of requests, repeats, other payloads and crashes', () => {
  it('never has two run()s of one key at once, runs it to an answer at most once, and answers each request as the table says', async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (plan) => {
        let now = 0;
        const store = new MemoryIdempotencyStore({ now: () => now });
        const running: string[] = [];
        let answered: string | undefined;
        let tokens = 0;
        for (const step of plan) {
          if (step.kind === 'wait') {
            // Live runs renew their lock as HeldKey does (every lockTtl / 3), dead ones do not.
            for (let t = 0; t < step.ms; t += LOCK_MS / 4) {
              now += Math.min(LOCK_MS / 4, step.ms - t);
              for (const token of running) await store.renew('k', token, LOCK_MS);
            }
          } else if (step.kind === 'arrive') {
            const token = `t${tokens++}`;
            const fingerprint = step.payload === 'same' ? 'fp' : 'fp-other';
            const claim = await store.claim('k', fingerprint, token, LOCK_MS);
            if (claim.state === 'claimed') {
              // A run starts: no other may be alive, and none may have answered already.
              expect(running).toEqual([]);
              expect(answered).toBeUndefined();
              running.push(token);
            } else if (claim.fingerprint !== fingerprint) {
              // 422 IDEMPOTENCY_KEY_REUSED: the key was first used with the other payload.
              expect(claim.fingerprint).not.toBe(fingerprint);
            } else if (claim.state === 'done') {
              // The replay is the one answer there is.
              expect(claim.outcome.body).toBe(answered);
            } else {
              // 409 IDEMPOTENCY_KEY_IN_USE while a run is alive (or its dead lock not yet expired).
              expect(claim.state).toBe('running');
            }
          } else if (running.length > 0) {
            const token = running.splice(step.which % running.length, 1)[0];
            if (step.kind === 'finish') {
              expect(await store.complete('k', token, outcome(token), TTL_MS)).toBe(true);
              answered = token;
            } else if (step.kind === 'throw') {
              await store.release('k', token);
            }
            // 'crash': the process is gone; its lock expires after LOCK_MS.
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
