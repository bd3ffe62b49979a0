const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/**
 * Milliseconds of a duration such as `'24h'`, `'15m'`, `'30s'`, `'7d'` or `'500ms'`; `null` when it
 * does not parse or is not above zero.
 *
 * @example
 * parseDuration('24h'); // 86400000
 */
export function parseDuration(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = DURATION.exec(value.trim());
  if (!match) return null;
  const ms = Math.round(Number(match[1]) * UNIT_MS[match[2]]);
  return ms > 0 && Number.isSafeInteger(ms) ? ms : null;
}
