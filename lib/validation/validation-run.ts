import {
  formatPath,
  pathLabel,
  receivedType,
  type IssueCode,
  type PathSegment,
  type ValidationIssue,
} from './validation-issue';

/**
 * The state of one `validate()` call: created per call, never shared. `path` is a stack of the
 * keys and indexes being visited, rendered only when an issue is reported. While `probing` (a
 * union trying its members) nothing is recorded and checks stop at the first failure.
 */
export interface ValidationRun {
  readonly issues: ValidationIssue[];
  readonly path: PathSegment[];
  readonly cap: number;
  probing: boolean;
}

/** A compiled check: `true` when `value` passes; failures are recorded on the run. */
export type Check = (value: unknown, run: ValidationRun) => boolean;

/** A fresh run that collects at most `cap` issues. */
export function startRun(cap: number): ValidationRun {
  return { issues: [], path: [], cap, probing: false };
}

/** Whether a check should go on after a failure: not while probing, and not past the cap. */
export function keepGoing(run: ValidationRun): boolean {
  return !run.probing && run.issues.length < run.cap;
}

const PHRASES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
};

/**
 * Records an issue at the current path (unless probing or capped) and returns `false`, so a
 * check can end with `return ok || fail(...)`.
 */
export function fail(run: ValidationRun, code: IssueCode, expected: string, value: unknown): false {
  if (run.probing || run.issues.length >= run.cap) return false;
  const path = formatPath(run.path);
  const received = receivedType(value);
  run.issues.push({ path, code, message: message(run, code, expected, value), expected, received });
  return false;
}

function message(run: ValidationRun, code: IssueCode, expected: string, value: unknown): string {
  const where = pathLabel(formatPath(run.path));
  switch (code) {
    case 'required': {
      const key = run.path[run.path.length - 1];
      return `Missing key '${String(key)}' in ${pathLabel(formatPath(run.path.slice(0, -1)))}`;
    }
    case 'literal':
      return `${where} must be one of ${expected}, got ${got(value, true)}`;
    case 'union':
      return `${where} must match one of ${expected}, got ${got(value, false)}`;
    default:
      return `${where} must be ${PHRASES[expected] ?? expected}, got ${got(value, false)}`;
  }
}

const SHOWN_STRING = 40;

/** The received type, with the value itself when it is a number or boolean (or a short string for literals). */
function got(value: unknown, showString: boolean): string {
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  if (typeof value === 'string' && showString) {
    const shown = value.length > SHOWN_STRING ? `${value.slice(0, SHOWN_STRING)}...` : value;
    return `string ${JSON.stringify(shown)}`;
  }
  return receivedType(value);
}
