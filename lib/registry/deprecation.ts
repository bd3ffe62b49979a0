import type { DeprecationOptions } from '../interfaces/mindoff-api-options.interface';

/** A deprecated version as the pipeline answers it: fixed headers, and the sunset to warn about. */
export interface CompiledDeprecation {
  /** `Deprecation` (RFC 9745), `Sunset` (RFC 8594) and the `Link` to the deprecation page, if any. */
  readonly headers: readonly (readonly [string, string])[];
  /** The sunset as a date, for the startup warning once it has passed. */
  readonly sunset: Date | null;
  /** The sunset as declared (`'2027-06-30'`). */
  readonly sunsetText: string | null;
  /** The `Link` value pointing at the deprecation page, to join with the successor's. */
  readonly link: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** The date of an ISO date string (`2027-06-30` is midnight UTC), or null when it is not one. */
export function isoDate(text: unknown): Date | null {
  if (typeof text !== 'string' || !ISO_DATE.test(text)) return null;
  const date = new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The headers of a deprecated version, worked out once: `Deprecation: @<seconds>` (the `since`
 * date, or `@0` — deprecated, date unstated — when none is given), `Sunset: <HTTP-date>`, and
 * `Link: <url>; rel="deprecation"`. The successor version's link is added by the pipeline, which
 * knows where the router serves it.
 *
 * @example
 * compileDeprecation({ sunset: '2027-06-30' })?.headers;
 * // [['Deprecation', '@0'], ['Sunset', 'Wed, 30 Jun 2027 00:00:00 GMT']]
 */
export function compileDeprecation(
  declared: boolean | DeprecationOptions | null | undefined,
): CompiledDeprecation | null {
  if (!declared) return null;
  const options = declared === true ? {} : declared;
  const since = isoDate(options.since);
  const sunset = isoDate(options.sunset);
  const headers: [string, string][] = [
    ['Deprecation', `@${since ? Math.floor(since.getTime() / 1000) : 0}`],
  ];
  if (sunset) headers.push(['Sunset', sunset.toUTCString()]);
  const link = options.link ? `<${options.link}>; rel="deprecation"` : null;
  return { headers, sunset, sunsetText: options.sunset ?? null, link };
}
