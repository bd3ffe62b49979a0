/**
 * Why a value failed: wrong type, missing key, not a listed literal, no union member, too deep,
 * refused by a Standard Schema or DTO, or a key the schema does not declare (query strings under
 * `'strict'` validation), or more than allowed (too many files or form fields).
 */
export type IssueCode =
  'type' | 'required' | 'literal' | 'union' | 'too_deep' | 'schema' | 'unknown' | 'too_big';

/**
 * One problem with a payload. `path` looks like `items[1].qty` (`''` is the payload itself);
 * `received` is a short type name: `string`, `number`, `boolean`, `null`, `array`, `object` or
 * `undefined` (a missing key).
 */
export interface ValidationIssue {
  path: string;
  code: IssueCode;
  message: string;
  expected: string;
  received: string;
}

/** One step into a value: an object key or an array index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Renders path segments as `items[1].qty`; keys that are not identifiers get brackets and JSON
 * quotes (`meta["a b"]`). No segments render as `''`.
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let path = '';
  for (const segment of segments) path = appendSegment(path, segment);
  return path;
}

/** `path` extended by one key or index, rendered as in {@link formatPath}. */
export function appendSegment(path: string, segment: PathSegment): string {
  if (typeof segment === 'number') return `${path}[${segment}]`;
  return path + renderKey(segment, path === '');
}

/** A key as it is appended to a path: `.qty`, `qty` when `first` (at the root), or `["a b"]`. */
export function renderKey(key: string, first: boolean): string {
  if (!IDENTIFIER.test(key)) return `[${JSON.stringify(key)}]`;
  return first ? key : `.${key}`;
}

/** A path as messages name it: the root `''` is `payload`. */
export function pathLabel(path: string): string {
  return path === '' ? 'payload' : path;
}

/** The short type name of a value for `received`. */
export function receivedType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'function' || type === 'symbol' || type === 'bigint' ? 'object' : type;
}
