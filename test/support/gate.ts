/** A gate that handlers wait at until a test opens it. */
export interface Gate {
  /** Settles once `open()` is called (after the last `reset()`). */
  wait: Promise<void>;
  /** Lets every waiting handler through. */
  open(): void;
  /** Closes the gate again for the next test. */
  reset(): void;
}

/**
 * A new gate, closed.
 *
 * @example
 * export const slowCharges = gate(); // run(): await slowCharges.wait; a test: slowCharges.open()
 */
export function gate(): Gate {
  let open: () => void = () => undefined;
  const state: Gate = {
    wait: Promise.resolve(),
    open: () => open(),
    reset: () => {
      state.wait = new Promise<void>((resolve) => (open = resolve));
    },
  };
  state.reset();
  return state;
}
