import { show } from './show';
import { isoDate } from './deprecation';

const KEYS = ['since', 'sunset', 'link'];

/**
 * The problems of a `deprecated` declaration: `true`/`false`, or `{ since?, sunset?, link? }` with
 * ISO dates (`'2027-06-30'`) and an absolute http(s) link.
 *
 * @example
 * checkDeprecation({ sunset: '30/06/2027' }); // ["sunset '30/06/2027' must be an ISO date ..."]
 */
export function checkDeprecation(value: unknown): string[] {
  if (value === undefined || value === null || typeof value === 'boolean') return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    return [`${show(value)} must be true, or { sunset: '2027-06-30', link: 'https://...' }.`];
  }
  const problems: string[] = [];
  const fields = value as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!KEYS.includes(key))
      problems.push(`.${key} is not known; the fields are ${KEYS.join(', ')}.`);
  }
  for (const key of ['since', 'sunset'] as const) {
    if (fields[key] !== undefined && isoDate(fields[key]) === null) {
      problems.push(`.${key} ${show(fields[key])} must be an ISO date such as '2027-06-30'.`);
    }
  }
  if (fields.link !== undefined && !isHttpUrl(fields.link)) {
    problems.push(`.link ${show(fields.link)} must be an absolute http(s) URL.`);
  }
  return problems;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || /[\s<>"]/.test(value)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
