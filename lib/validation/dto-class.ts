import type { ValidationMode } from './payload-validator.interface';
import type { PayloadCheck } from './standard-schema';
import { formatPath, receivedType, type ValidationIssue } from './validation-issue';

/** A class-validator DTO class used as `payloadSchema`. */
export type DtoClass = abstract new (...args: never[]) => object;

/** A class-validator `ValidationError`, as far as issues need it. */
export interface ClassValidatorError {
  property: string;
  value?: unknown;
  constraints?: Record<string, string>;
  children?: ClassValidatorError[];
}

const PRIMITIVES: ReadonlySet<unknown> = new Set([String, Number, Boolean]);

/** Whether `schema` is a class (a DTO) rather than the shorthand's `String`, `Number` or `Boolean`. */
export function isDtoClass(schema: unknown): schema is DtoClass {
  return (
    typeof schema === 'function' && !PRIMITIVES.has(schema) && typeof schema.prototype === 'object'
  );
}

/**
 * A check backed by a class-validator DTO: `plainToInstance` then `validate`, so `run()` gets an
 * instance of the class. `'basic'` skips missing properties (class-validator's
 * `skipMissingProperties`); `'strict'` checks them; `whitelist` drops the properties no
 * decorator declares. Errors keep mindoff's issue format.
 * class-validator and class-transformer are optional peers, loaded only when a DTO is used.
 */
export function compileDtoClass(
  dto: DtoClass,
  mode: ValidationMode,
  maxErrors = 100,
  whitelist = false,
): PayloadCheck {
  const { plainToInstance, validate } = loadPeers(dto.name);
  const skipMissingProperties = mode === 'basic';
  const options = { skipMissingProperties, forbidUnknownValues: false, whitelist };
  return async (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return {
        issues: [
          {
            path: '',
            code: 'type',
            message: `payload must be an object, got ${receivedType(value)}`,
            expected: 'object',
            received: receivedType(value),
          },
        ],
      };
    }
    const instance = plainToInstance(dto as new () => object, value);
    const errors = (await validate(instance, options)) as ClassValidatorError[];
    if (errors.length === 0) return { value: instance };
    return { issues: classValidatorIssues(errors, maxErrors) };
  };
}

/**
 * class-validator's errors as mindoff issues, nested ones at their paths (`items[1].qty`), at most
 * `maxErrors`: `required` when the value is missing, `schema` otherwise, the failed constraints as
 * `expected`.
 */
export function classValidatorIssues(
  errors: readonly ClassValidatorError[],
  maxErrors = 100,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  collect(errors, [], issues, maxErrors);
  return issues;
}

function collect(
  errors: readonly ClassValidatorError[],
  parent: (string | number)[],
  out: ValidationIssue[],
  max: number,
): void {
  for (const error of errors) {
    if (out.length >= max) return;
    const segments = [
      ...parent,
      /^\d+$/.test(error.property) ? Number(error.property) : error.property,
    ];
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length > 0) {
      const path = formatPath(segments);
      const missing = error.value === undefined;
      out.push({
        path,
        code: missing ? 'required' : 'schema',
        message: constraints[0][1],
        expected: constraints.map(([name]) => name).join(', '),
        received: receivedType(error.value),
      });
    }
    if (error.children?.length) collect(error.children, segments, out, max);
  }
}

function loadPeers(dtoName: string): {
  plainToInstance: typeof import('class-transformer').plainToInstance;
  validate: typeof import('class-validator').validate;
} {
  try {
    /* eslint-disable @typescript-eslint/no-require-imports -- optional peers, loaded on first use */
    const { plainToInstance } = require('class-transformer') as typeof import('class-transformer');
    const { validate } = require('class-validator') as typeof import('class-validator');
    /* eslint-enable @typescript-eslint/no-require-imports */
    return { plainToInstance, validate };
  } catch {
    throw new Error(
      `payloadSchema ${dtoName} is a DTO class, which needs class-validator and class-transformer; install them: npm install class-validator class-transformer`,
    );
  }
}
