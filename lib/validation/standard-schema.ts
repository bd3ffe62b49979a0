import type { ValidationIssue } from './validation-issue';
import { formatPath, receivedType } from './validation-issue';

/** The Standard Schema v1 contract (zod 4, valibot, arktype...), as far as mindoff uses it. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output };
  };
}

type StandardPathSegment = PropertyKey | { readonly key: PropertyKey };
type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | {
      readonly issues: readonly {
        readonly message: string;
        readonly path?: readonly StandardPathSegment[];
      }[];
    };

/** What a payload check concludes: the value `run()` gets, or the issues. */
export type PayloadOutcome = { value: unknown; issues?: undefined } | { issues: ValidationIssue[] };

/** A compiled payload check; async only when the schema's own validation is. */
export type PayloadCheck = (value: unknown) => PayloadOutcome | Promise<PayloadOutcome>;

/** Whether `schema` implements Standard Schema (carries a `~standard` object with `validate`). */
export function isStandardSchema(schema: unknown): schema is StandardSchemaV1 {
  if ((typeof schema !== 'object' && typeof schema !== 'function') || schema === null) return false;
  const standard = (schema as Record<string, unknown>)['~standard'];
  return (
    typeof standard === 'object' &&
    standard !== null &&
    typeof (standard as Record<string, unknown>).validate === 'function'
  );
}

/**
 * A check backed by a Standard Schema: its own rules decide (so `strict` and `basic` read the same),
 * and `run()` gets the schema's output value (e.g. zod strips unknown keys). Issues keep mindoff's
 * shape; `code` is `schema` and `expected` is the schema vendor's message.
 */
export function compileStandardSchema(schema: StandardSchemaV1, maxErrors = 100): PayloadCheck {
  const validate = schema['~standard'].validate;
  const toOutcome = (value: unknown, result: StandardResult<unknown>): PayloadOutcome =>
    result.issues === undefined
      ? { value: result.value }
      : { issues: result.issues.slice(0, maxErrors).map((issue) => toIssue(value, issue)) };
  return (value) => {
    const result = validate(value);
    return result instanceof Promise
      ? result.then((r) => toOutcome(value, r))
      : toOutcome(value, result);
  };
}

function toIssue(
  root: unknown,
  issue: { message: string; path?: readonly StandardPathSegment[] },
): ValidationIssue {
  const keys = (issue.path ?? []).map((segment) =>
    typeof segment === 'object' ? segment.key : segment,
  );
  const path = formatPath(keys.map((key) => (typeof key === 'number' ? key : String(key))));
  let received: unknown = root;
  for (const key of keys) {
    received =
      typeof received === 'object' && received !== null && Object.hasOwn(received, key)
        ? (received as Record<PropertyKey, unknown>)[key]
        : undefined;
  }
  return {
    path,
    code: 'schema',
    message: path ? `${path}: ${issue.message}` : issue.message,
    expected: issue.message,
    received: receivedType(received),
  };
}
