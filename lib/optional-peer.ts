/**
 * Loads the optional peer package `name` on first use. When it is not installed, throws
 * `missing()` (what needs the package and the command that installs it) instead of Node's bare
 * `MODULE_NOT_FOUND`; any other failure while loading it is rethrown as is.
 *
 * @example
 * const { Queue } = loadOptionalPeer<typeof import('bullmq')>('bullmq', bullmqMissing);
 */
export function loadOptionalPeer<T>(name: string, missing: () => string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional peer, loaded on use
    return require(name) as T;
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(missing(), { cause: error });
  }
}
