import type { Rate } from '../interfaces/rate.interface';

export type { Rate };

/** Accepted rate text: a positive integer without leading zeros, `/`, and one unit of s, m, h or d. */
export const RATE_PATTERN = /^[1-9]\d*\/[smhd]$/;

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** True when `text` is a string such as `'30/m'` that {@link parseRate} accepts. */
export function isValidRate(text: unknown): text is string {
  if (typeof text !== 'string' || !RATE_PATTERN.test(text)) return false;
  return Number.isSafeInteger(Number(text.slice(0, -2)));
}

/** Parses `'N/s' | 'N/m' | 'N/h' | 'N/d'` into a {@link Rate}; throws a `TypeError` on anything else. */
export function parseRate(text: string): Rate {
  if (!isValidRate(text)) {
    throw new TypeError(
      `Invalid rate ${JSON.stringify(text) ?? String(text)}: expected 'N/s', 'N/m', 'N/h' or 'N/d' with N a positive integer, e.g. '30/m'.`,
    );
  }
  const limit = Number(text.slice(0, -2));
  return { limit, ttlMs: UNIT_MS[text.slice(-1)], source: text };
}
