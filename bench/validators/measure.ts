// The timing loop. Each contender gets a loop function of its own, compiled from source, so no
// call site's type feedback is shared between contenders (a shared loop would go megamorphic and
// slow every contender down alike). The loop counts how many calls passed: the count is checked
// against the expected verdict, and keeps the calls from being optimised away.

type Valid = (body: unknown) => boolean | Promise<boolean>;
type Loop = (valid: Valid, value: unknown, calls: number) => number | Promise<number>;

/** A fresh loop for one contender; `async` when its `valid` returns promises. */
export function makeLoop(async: boolean): Loop {
  const body = async
    ? 'return (async () => { let passed = 0; for (let i = 0; i < calls; i++) if ((await valid(value)) === true) passed++; return passed; })();'
    : 'let passed = 0; for (let i = 0; i < calls; i++) if (valid(value) === true) passed++; return passed;';
  return new Function('valid', 'value', 'calls', body) as Loop;
}

export interface Measurement {
  /** calls per second */
  ops: number;
  calls: number;
  /** how many calls said "valid" */
  passed: number;
}

/**
 * Calls `valid(value)` in growing batches (1, 2, 4... until a batch takes 5 ms) for about `ms`
 * milliseconds and returns the rate over all of them.
 */
export async function measure(loop: Loop, valid: Valid, value: unknown, ms: number) {
  let batch = 1;
  let calls = 0;
  let passed = 0;
  let nanos = 0;
  while (nanos < ms * 1e6) {
    const start = process.hrtime.bigint();
    passed += await loop(valid, value, batch);
    const took = Number(process.hrtime.bigint() - start);
    calls += batch;
    nanos += took;
    if (took < 5e6) batch *= 2;
  }
  return { ops: calls / (nanos / 1e9), calls, passed } satisfies Measurement;
}
