/** How many leading bytes the signature check needs (the longest signature below: WebP's 12). */
export const SIGNATURE_BYTES = 12;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * Content types whose files open with a fixed signature ("magic bytes"): cheap to check on the
 * first bytes, and the types a forged upload most often claims. Other types are taken at their word.
 */
const SIGNATURES: ReadonlyArray<readonly [string, (head: Buffer) => boolean]> = [
  ['image/png', (head) => head.subarray(0, 8).equals(PNG)],
  ['image/jpeg', (head) => head.subarray(0, 3).equals(JPEG)],
  ['image/gif', (head) => /^GIF8[79]a/.test(head.toString('latin1', 0, 6))],
  [
    'image/webp',
    (head) => head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP',
  ],
  ['application/pdf', (head) => head.toString('latin1', 0, 5) === '%PDF-'],
];

const BY_TYPE: ReadonlyMap<string, (head: Buffer) => boolean> = new Map(SIGNATURES);

/**
 * Whether a file declared as `type` opens with bytes that cannot be that type: false for types
 * without a known signature. `head` is the file's first bytes (at least `SIGNATURE_BYTES` unless
 * the file is shorter).
 *
 * @example
 * contradictsType('image/png', Buffer.from('GIF89a')); // true
 * contradictsType('text/csv', Buffer.from('a,b'));     // false: no signature to check
 */
export function contradictsType(type: string, head: Buffer): boolean {
  const matches = BY_TYPE.get(type);
  return matches !== undefined && !matches(head);
}

/**
 * The known type `head` looks like, for messages (`'image/gif'`), or undefined.
 *
 * @example
 * sniffType(Buffer.from('%PDF-1.7')); // 'application/pdf'
 */
export function sniffType(head: Buffer): string | undefined {
  return SIGNATURES.find(([, matches]) => matches(head))?.[0];
}
