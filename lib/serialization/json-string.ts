const { stringify } = JSON;
const SCANNED = 40;

/**
 * A string as JSON text, exactly as `JSON.stringify(text)` writes it; a short string that needs
 * no escaping (no control character, quote, backslash or surrogate) is only wrapped in quotes,
 * which is about twice as fast as `JSON.stringify` for the ids and names responses are made of.
 *
 * @example
 * jsonString('SKU-001'); // '"SKU-001"'
 * jsonString('say "hi"'); // '"say \\"hi\\""'
 */
export function jsonString(text: string): string {
  if (text.length > SCANNED) return stringify(text);
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char < 0x20 || char === 0x22 || char === 0x5c || (char >= 0xd800 && char <= 0xdfff)) {
      return stringify(text);
    }
  }
  return '"' + text + '"';
}
