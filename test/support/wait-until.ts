/**
 * Resolves once `condition` holds, checking every `everyMs`; fails after `attempts` checks, so a
 * test that waits for something asynchronous never hangs (and never asserts on how long it took).
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  { everyMs = 20, attempts = 500 } = {},
): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`the condition did not hold after ${attempts} checks`);
}
