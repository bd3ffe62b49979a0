import { compileDtoClass, isDtoClass } from './dto-class';
import type { ValidationMode } from './payload-validator.interface';
import type { DictShorthand } from './schema.types';
import { compileShorthand } from './shorthand.compiler';
import {
  compileStandardSchema,
  isStandardSchema,
  type PayloadCheck,
  type PayloadOutcome,
} from './standard-schema';
import { compileCoercion, type Coerce } from './string-coercion';
import { renderKey, type ValidationIssue } from './validation-issue';
import type { PayloadSchema } from './payload-schema';

/** Where URL values come from; also the first segment of their issue paths (`query.page`). */
export type UrlPart = 'params' | 'query';

/** How undeclared keys are treated: kept unchecked, or refused (`'strict'` validation). */
export interface UrlValuesOptions {
  /** Whether a declared (non-`Optional`) key must be present. */
  mode: ValidationMode;
  /** Whether keys the schema does not declare are refused (a shorthand dict only). */
  refuseUnknown: boolean;
}

/**
 * The check of path parameters or a query string, compiled once: URL strings coerced to what the
 * shorthand declares (see `compileCoercion`), then validated by the same engine as payloads, with
 * issues at `params.<key>` / `query.<key>`. A Standard Schema or DTO class gets the strings as
 * they came (it coerces them itself: `z.coerce.number()`, class-transformer's `@Type`), its
 * issues moved under the same prefix. `__proto__` keys are dropped.
 *
 * @example
 * const check = compileUrlValuesCheck('params', { order_id: Int }, { mode: 'strict', refuseUnknown: false });
 * check({ order_id: '42' }); // { value: { order_id: 42 } }
 */
export function compileUrlValuesCheck(
  part: UrlPart,
  schema: PayloadSchema,
  options: UrlValuesOptions,
): PayloadCheck {
  if (isStandardSchema(schema)) return underPart(part, compileStandardSchema(schema));
  if (isDtoClass(schema)) return underPart(part, compileDtoClass(schema, options.mode));
  const fields = Object.entries(schema as DictShorthand);
  const declared = new Set(fields.map(([key]) => key));
  const coercions: [string, Coerce][] = fields.map(([key, field]) => [key, compileCoercion(field)]);
  // Validated as `{ query: {...} }`, so every issue path and message names the part.
  const validator = compileShorthand({ [part]: schema as DictShorthand }, { mode: options.mode });
  return (raw) => {
    const source = (raw ?? {}) as Record<string, unknown>;
    const values: Record<string, unknown> = {};
    let unknown: ValidationIssue[] | null = null;
    for (const key of Object.keys(source)) {
      if (key === '__proto__') continue;
      if (!declared.has(key)) {
        if (options.refuseUnknown) (unknown ??= []).push(unknownKeyIssue(part, key));
        else values[key] = source[key];
      }
    }
    for (const [key, coerce] of coercions) {
      if (Object.prototype.hasOwnProperty.call(source, key)) values[key] = coerce(source[key]);
    }
    const issues = validator.validate({ [part]: values });
    if (issues === null && unknown === null) return { value: values };
    return { issues: [...(issues ?? []), ...(unknown ?? [])] };
  };
}

function unknownKeyIssue(part: UrlPart, key: string): ValidationIssue {
  return {
    path: part + renderKey(key, false),
    code: 'unknown',
    message: `Unknown key '${key}' in ${part}`,
    expected: 'undefined',
    received: 'string',
  };
}

/** A Standard Schema or DTO check whose issues are moved under `part` (`query.page`). */
function underPart(part: UrlPart, check: PayloadCheck): PayloadCheck {
  const move = (outcome: PayloadOutcome): PayloadOutcome =>
    outcome.issues
      ? {
          issues: outcome.issues.map((issue) => ({
            ...issue,
            path:
              issue.path === ''
                ? part
                : issue.path.startsWith('[')
                  ? part + issue.path
                  : `${part}.${issue.path}`,
            message: issue.message.replace(/^payload\b/, part),
          })),
        }
      : outcome;
  return (value) => {
    const outcome = check(value ?? {});
    return outcome instanceof Promise ? outcome.then(move) : move(outcome);
  };
}
