import { SCHEMA_KIND, type IssueCode, type ShorthandSchema } from '../../lib/validation';

/**
 * A deliberately simple, slow reference interpreter of the shorthand schema rules, written from
 * the rules themselves (not from the compiler) so property tests can compare the two:
 *
 * - `String`: `typeof` string; `Number`: a finite number; `Int`: a whole finite number;
 *   `Boolean`: `typeof` boolean; `Any`: anything, `null` included.
 * - `{ k: S }`: a non-null, non-array object; declared keys in the schema's own key order; a key
 *   that is not an own property is a `required` issue in strict mode unless its schema is
 *   `Optional`, and is skipped in basic mode; extra keys are never looked at.
 * - `[S]` and `ListOf(S)`: an array whose every item matches `S`.
 * - `DictOf(S)`: a non-null, non-array object whose every own key's value matches `S`.
 * - `Union(...)`: any member accepts, else one `union` issue at the union's path.
 * - `Literal(...)`: `===` one of the values, else one `literal` issue.
 * - `Optional(S)`: `null` and `undefined` pass, anything else must match `S`.
 *
 * It returns every issue, in document order and without a cap, as `{ path, code }` pairs; `[]`
 * when the value is valid. Nothing is compiled or cached: the schema is read again on every step.
 */
export interface ReferenceIssue {
  path: string;
  code: IssueCode;
}

export type ReferenceMode = 'strict' | 'basic';

type Step = string | number;

export function referenceIssues(
  schema: ShorthandSchema,
  value: unknown,
  mode: ReferenceMode,
): ReferenceIssue[] {
  return issuesAt(schema, value, [], mode);
}

/** Whether the reference accepts `value` (no issues at all). */
export function referenceAccepts(
  schema: ShorthandSchema,
  value: unknown,
  mode: ReferenceMode,
): boolean {
  return referenceIssues(schema, value, mode).length === 0;
}

function issuesAt(
  schema: unknown,
  value: unknown,
  at: Step[],
  mode: ReferenceMode,
): ReferenceIssue[] {
  const problem = (code: IssueCode): ReferenceIssue[] => [{ path: renderPath(at), code }];

  if (schema === String) return typeof value === 'string' ? [] : problem('type');
  if (schema === Number) return isFiniteNumber(value) ? [] : problem('type');
  if (schema === Boolean) return value === true || value === false ? [] : problem('type');

  if (Array.isArray(schema)) return listIssues(schema[0], value, at, mode);

  const record = schema as Record<PropertyKey, unknown>;
  switch (brandOf(record)) {
    case 'int':
      return Number.isSafeInteger(value) ? [] : problem('type');
    case 'any':
      return [];
    case 'optional':
      return value === null || value === undefined ? [] : issuesAt(record.inner, value, at, mode);
    case 'listOf':
      return listIssues(record.item, value, at, mode);
    case 'dictOf': {
      if (!isObjectNotArray(value)) return problem('type');
      let found: ReferenceIssue[] = [];
      for (const key of Object.keys(value)) {
        found = found.concat(issuesAt(record.value, readOwn(value, key), [...at, key], mode));
      }
      return found;
    }
    case 'union': {
      const members = record.members as unknown[];
      const someMemberAccepts = members.some(
        (member) => issuesAt(member, value, at, mode).length === 0,
      );
      return someMemberAccepts ? [] : problem('union');
    }
    case 'literal': {
      const values = record.values as unknown[];
      return values.some((candidate) => candidate === value) ? [] : problem('literal');
    }
    default:
      return dictIssues(record, value, at, mode);
  }
}

function listIssues(item: unknown, value: unknown, at: Step[], mode: ReferenceMode) {
  if (!Array.isArray(value)) return [{ path: renderPath(at), code: 'type' as const }];
  let found: ReferenceIssue[] = [];
  for (let index = 0; index < value.length; index++) {
    found = found.concat(issuesAt(item, value[index], [...at, index], mode));
  }
  return found;
}

function dictIssues(
  schema: Record<string, unknown>,
  value: unknown,
  at: Step[],
  mode: ReferenceMode,
): ReferenceIssue[] {
  if (!isObjectNotArray(value)) return [{ path: renderPath(at), code: 'type' }];
  let found: ReferenceIssue[] = [];
  for (const key of Object.keys(schema)) {
    const child = schema[key];
    if (isOwn(value, key)) {
      found = found.concat(issuesAt(child, readOwn(value, key), [...at, key], mode));
    } else if (mode === 'strict' && brandOf(child) !== 'optional') {
      found.push({ path: renderPath([...at, key]), code: 'required' });
    }
  }
  return found;
}

/** The builder brand of a schema object (`'int'`, `'union'`, ...), or `undefined` for a dict. */
function brandOf(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return undefined;
  return Object.getOwnPropertyDescriptor(schema, SCHEMA_KIND)?.value;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && value - value === 0;
}

function isObjectNotArray(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isOwn(value: object, key: string): boolean {
  return Object.getOwnPropertyDescriptor(value, key) !== undefined;
}

function readOwn(value: object, key: string): unknown {
  return (Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor).value;
}

/**
 * `items[1].qty`: indexes in brackets; keys that are plain ASCII identifiers joined with dots
 * (no dot at the start); every other key in brackets as a JSON string (`meta["a b"]`).
 */
export function renderPath(steps: readonly Step[]): string {
  let out = '';
  for (const step of steps) {
    if (typeof step === 'number') out += '[' + String(step) + ']';
    else if (isAsciiIdentifier(step)) out += (out.length === 0 ? '' : '.') + step;
    else out += '[' + JSON.stringify(step) + ']';
  }
  return out;
}

function isAsciiIdentifier(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key[i];
    const letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$';
    const digit = c >= '0' && c <= '9';
    if (!letter && !(digit && i > 0)) return false;
  }
  return true;
}

/**
 * An object with exactly these own, enumerable data properties (`__proto__` included, as
 * JSON.parse makes it) on the given prototype; for building schemas and values in tests.
 */
export function ownObject(
  entries: readonly (readonly [string, unknown])[],
  proto: object | null = Object.prototype,
): Record<string, unknown> {
  const obj = Object.create(proto) as Record<string, unknown>;
  for (const [key, value] of entries) {
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return obj;
}
