/** A fixed-window rate: `limit` requests pass per window of `ttlMs` milliseconds. */
export interface Rate {
  /** Requests allowed per window (N in `'N/m'`). */
  limit: number;
  /** Window length in milliseconds. */
  ttlMs: number;
  /** The text the rate was parsed from, e.g. `'30/m'`. */
  source: string;
}
