/**
 * Settles as `call()` does, or rejects with `timeoutError()` once `timeoutMs` passed first; the
 * timer is cleared either way. One rule for every outside call mindoff bounds (app stores, Redis).
 */
export function withDeadline<T>(
  call: () => Promise<T>,
  timeoutMs: number,
  timeoutError: () => Error,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), timeoutMs);
  });
  return Promise.race([Promise.resolve().then(call), deadline]).finally(() => clearTimeout(timer));
}
