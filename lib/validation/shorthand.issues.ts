import {
  pathLabel,
  receivedType,
  renderKey,
  type IssueCode,
  type ValidationIssue,
} from './validation-issue';

/**
 * A place in a compiled schema where a value can fail its check, with the fixed parts of the
 * issue worked out at compile time: only the path and the received value are filled in when
 * a request fails there.
 */
export interface FailureSite {
  readonly code: Exclude<IssueCode, 'required' | 'too_deep' | 'schema' | 'unknown'>;
  readonly expected: string;
  /** The message between the path and the received value, e.g. ` must be an integer, got `. */
  readonly says: string;
  /** `says` then `number ` and `boolean `: what a received number or boolean is shown after. */
  readonly saysNumber: string;
  readonly saysBoolean: string;
  /** Whether the message shows a received string (literals do). */
  readonly showString: boolean;
  /** Whether an integer is expected, so a received unsafe integer gets the reason in its message. */
  readonly integer: boolean;
}

/** A declared key that can be missing: its issue path is the parent's path plus `segment`. */
export interface MissingKeySite {
  readonly expected: string;
  readonly segment: string;
  /** `Missing key 'qty' in `, followed by the parent's label. */
  readonly says: string;
}

const PHRASES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
};

/** The site of a `type`, `literal` or `union` check expecting `expected`. */
export function failureSite(code: FailureSite['code'], expected: string): FailureSite {
  const integer = /\binteger\b/.test(expected);
  const site = (says: string, showString: boolean): FailureSite => {
    const [saysNumber, saysBoolean] = [`${says}number `, `${says}boolean `];
    return { code, expected, says, saysNumber, saysBoolean, showString, integer };
  };
  if (code === 'literal') return site(` must be one of ${expected}, got `, true);
  if (code === 'union') return site(` must match one of ${expected}, got `, false);
  return site(` must be ${PHRASES[expected] ?? expected}, got `, false);
}

/** Why an integer beyond ±(2^53 - 1) fails `Int`: it may already have been rounded when parsed. */
const UNSAFE_INTEGER = ` (over ${Number.MAX_SAFE_INTEGER} in magnitude, integers are not exact)`;

/** The site of declared `key`, under the root when `atRoot`. */
export function missingKeySite(key: string, expected: string, atRoot: boolean): MissingKeySite {
  return { expected, segment: renderKey(key, atRoot), says: `Missing key '${key}' in ` };
}

/** Adds the issue of `value` failing at `site`, at `path`; returns the (possibly new) list. */
export function addIssue(
  issues: ValidationIssue[] | null,
  site: FailureSite,
  value: unknown,
  path: string,
): ValidationIssue[] {
  // Numbers and booleans (the common failures) first, each with its fixed text ready in the site:
  // as few strings as possible are joined, so a failure costs about what a pass does.
  const label = path === '' ? 'payload' : path;
  let received: string;
  let message: string;
  if (typeof value === 'number') {
    received = 'number';
    message = label + site.saysNumber + value;
    if (site.integer && Number.isInteger(value) && !Number.isSafeInteger(value)) {
      message += UNSAFE_INTEGER;
    }
  } else if (typeof value === 'boolean') {
    received = 'boolean';
    message = label + site.saysBoolean + value;
  } else {
    received = receivedType(value);
    message = label + site.says + received;
    if (received === 'string' && site.showString) message += ' ' + shownString(value as string);
  }
  const issue: ValidationIssue = {
    path,
    code: site.code,
    message,
    expected: site.expected,
    received,
  };
  if (issues === null) return [issue];
  issues.push(issue);
  return issues;
}

/** Adds the `required` issue of the key at `site`, missing from the object at `parentPath`. */
export function addMissingKey(
  issues: ValidationIssue[] | null,
  site: MissingKeySite,
  parentPath: string,
): ValidationIssue[] {
  const issue: ValidationIssue = {
    path: parentPath + site.segment,
    code: 'required',
    message: site.says + pathLabel(parentPath),
    expected: site.expected,
    received: 'undefined',
  };
  if (issues === null) return [issue];
  issues.push(issue);
  return issues;
}

const SHOWN_STRING = 40;

/** A received string as messages show it: JSON-quoted, cut after 40 characters. */
function shownString(text: string): string {
  return JSON.stringify(text.length > SHOWN_STRING ? `${text.slice(0, SHOWN_STRING)}...` : text);
}
