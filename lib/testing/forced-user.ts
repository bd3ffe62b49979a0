import { randomUUID } from 'node:crypto';
import { MindoffTestingError } from './testing.error';

/** The request header that carries a forced user's key from `call()` to the patched strategies. */
export const FORCED_USER_HEADER = 'x-mindoff-test-user';

interface Strategy {
  authenticate(
    this: Strategy & { success(user: unknown): void },
    req: unknown,
    options?: unknown,
  ): void;
  [PATCHED]?: true;
}

const PATCHED = Symbol('mindoff:testing-forced-user');
/** Users forced for calls in flight, by key. */
const forced = new Map<string, unknown>();

/**
 * Lets a call authenticate as `user` without credentials, like the original's test helpers: the
 * API's passport strategies accept the request carrying the returned key. `release()` forgets it.
 */
export async function forceUser(
  strategies: readonly string[],
  user: unknown,
  className: string,
): Promise<{ header: string; release(): void }> {
  if (strategies.length === 0) {
    throw new MindoffTestingError(
      `${className} declares no auth strategies, so its user is always null; add auth: [...] to its @MindoffApi, or call it without user.`,
    );
  }
  const passport = (await import('passport')).default as unknown as {
    _strategy(name: string): Strategy | undefined;
  };
  for (const name of strategies) {
    const strategy = passport._strategy(name);
    if (!strategy) {
      throw new MindoffTestingError(
        `${className}: no passport strategy '${name}' is registered; provide it in the module under test.`,
      );
    }
    patch(strategy);
  }
  const key = randomUUID();
  forced.set(key, user);
  return { header: key, release: () => forced.delete(key) };
}

function patch(strategy: Strategy): void {
  if (strategy[PATCHED]) return;
  const original = strategy.authenticate;
  strategy.authenticate = function (req, options) {
    const headers = (req as { headers?: Record<string, unknown> }).headers ?? {};
    const key = headers[FORCED_USER_HEADER];
    if (typeof key === 'string' && forced.has(key)) return this.success(forced.get(key));
    return original.call(this, req, options);
  };
  strategy[PATCHED] = true;
}
