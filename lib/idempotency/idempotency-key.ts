/** The longest key accepted, in characters. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** Printable ASCII (space to tilde). */
const PRINTABLE = /^[\x20-\x7e]+$/;

/**
 * The key an `Idempotency-Key` header carries: a structured-field string (`"8e03…"`, the IETF
 * draft's form, `\"` and `\\` unescaped) or a bare token (`8e03…`); `'missing'` without the header,
 * `'invalid'` when it is empty, longer than 255 characters or not printable ASCII.
 *
 * @example
 * idempotencyKeyOf('"order-1"'); // { key: 'order-1' }
 */
export function idempotencyKeyOf(
  header: string | string[] | undefined,
): { key: string } | 'missing' | 'invalid' {
  if (header === undefined) return 'missing';
  if (Array.isArray(header)) return header.length === 1 ? idempotencyKeyOf(header[0]) : 'invalid';
  const value = header.trim();
  const key = value.startsWith('"') ? sfString(value) : value.includes('"') ? null : value;
  if (key === null || key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) return 'invalid';
  return PRINTABLE.test(key) ? { key } : 'invalid';
}

/** The content of a structured-field string that is the whole value, or null. */
function sfString(value: string): string | null {
  let key = '';
  for (let i = 1; i < value.length; i++) {
    const char = value[i];
    if (char === '"') return i === value.length - 1 ? key : null;
    if (char === '\\') {
      const next = value[++i];
      if (next !== '"' && next !== '\\') return null;
      key += next;
    } else {
      key += char;
    }
  }
  return null;
}
