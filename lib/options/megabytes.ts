const MB = 1024 * 1024;

/**
 * A memory bound given in megabytes, in bytes: `fallback` MB when it is not set; a value that is
 * not a number above 0 goes to `problems` as `problem(value)` (startup stops) and counts as the
 * fallback meanwhile.
 *
 * @example
 * megabytes(0.5, 64, problems, (v) => `queue.embeddedMaxMegabytes ${v} ...`); // 524288
 */
export function megabytes(
  value: unknown,
  fallback: number,
  problems: string[],
  problem: (value: unknown) => string,
): number {
  if (value === undefined) return fallback * MB;
  if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
    problems.push(problem(value));
    return fallback * MB;
  }
  return Math.floor(value * MB);
}
