/**
 * Keys and strings that break out of a string literal, a comment or a template if spliced raw
 * into generated code, or that name a generated function's own variables: what every code
 * generator's spec feeds it (the validator's and the serializer's).
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '"',
  "'",
  '`',
  '\\',
  '\\"',
  '${globalThis.pwned = 1}',
  '*/ globalThis.pwned = 1; /*',
  '\u2028',
  '\u2029',
  '\n',
  '\ud800',
  '</script>',
  '"]; globalThis.pwned = 1; //',
  "'); globalThis.pwned = 1; ('",
  '") || (globalThis.pwned = 1) || ("',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  // names the generated validator and serializer use inside
  'I = null; return I',
  'S[0]',
  's += 1',
  'v0',
];
