const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const SPACE = 0x20;

/**
 * The depth `payloadDepth` gives the value parsed from `bytes`, read from the JSON text itself:
 * the deepest nesting at which a value starts (the root is 0, a value inside one object or array
 * is 1). One pass over the bytes, no objects visited, which is several times cheaper than walking
 * the parsed value. `bytes` must be valid JSON (UTF-8: every structural byte is ASCII, and no byte
 * of a multi-byte character is); stops once the depth passes `limit` and returns `limit + 1`.
 *
 * @example
 * jsonTextDepth(Buffer.from('{"a":[1]}'), 20); // 2, as payloadDepth({ a: [1] }, 20)
 */
export function jsonTextDepth(bytes: Uint8Array, limit: number): number {
  let level = 0;
  let max = 0;
  const length = bytes.length;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i]!;
    if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      level--;
      continue;
    }
    if (byte <= SPACE || byte === COMMA || byte === COLON) continue;
    // Any other byte starts a value (or a key, which sits at its value's level).
    if (level > max && (max = level) > limit) return limit + 1;
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      level++;
    } else if (byte === QUOTE) {
      for (i++; i < length && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
    } else {
      // A number or a literal: skip to its end.
      while (i + 1 < length && isValueByte(bytes[i + 1]!)) i++;
    }
  }
  return max;
}

function isValueByte(byte: number): boolean {
  return byte > SPACE && byte !== COMMA && byte !== CLOSE_OBJECT && byte !== CLOSE_ARRAY;
}
