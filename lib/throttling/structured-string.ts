/** Printable ASCII, the only characters a structured-field string may hold (RFC 9651 §3.3.3). */
const PRINTABLE = /^[\x20-\x7e]*$/;

/**
 * `text` as a structured-field string (RFC 9651 §4.1.6): in double quotes, `"` and `\` escaped.
 * Throws a `TypeError` on characters a string cannot hold (controls, non-ASCII).
 *
 * @example
 * structuredString('orders__create_order:request'); // '"orders__create_order:request"'
 */
export function structuredString(text: string): string {
  if (!PRINTABLE.test(text)) {
    throw new TypeError(
      `${JSON.stringify(text)} cannot be a structured-field string: only printable ASCII (space to ~) is allowed.`,
    );
  }
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}
