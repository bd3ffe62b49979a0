import type { CompileOptions, PayloadValidator } from './payload-validator.interface';
import { checkSchemaDefinition } from './schema-definition.check';
import type { ShorthandSchema } from './schema.types';
import { GENERATED_PARAMS, generateValidator } from './shorthand.codegen';
import { addIssue, addMissingKey } from './shorthand.issues';
import { shorthandTree } from './shorthand.tree';
import { renderKey, type ValidationIssue } from './validation-issue';

const DEFAULT_MAX_ERRORS = 100;
const { hasOwnProperty } = Object.prototype;
const { getPrototypeOf } = Object;

type Validate = (value: unknown) => ValidationIssue[] | null;

/**
 * Compiles a shorthand schema once into a specialised JavaScript function (generated source,
 * see `generateValidator`); nothing is interpreted per request. Throws when the schema itself
 * is invalid (see `checkSchemaDefinition`).
 *
 * @example
 * const validator = compileShorthand({ sku: String, qty: Int }, { mode: 'strict' });
 * validator.validate({ sku: 'tea', qty: 1.5 }); // [{ path: 'qty', code: 'type', ... }]
 */
export function compileShorthand(
  schema: ShorthandSchema,
  options: CompileOptions,
): PayloadValidator {
  const problems = checkSchemaDefinition(schema);
  if (problems.length > 0) {
    throw new Error(
      `Cannot compile the payload schema:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  const max = options.maxErrors;
  const cap = max !== undefined && max >= 1 ? Math.floor(max) : DEFAULT_MAX_ERRORS;
  const { source, sites } = generateValidator(shorthandTree(schema, options.mode === 'strict'));
  const factory = functionFrom(source);
  const validate = factory(
    hasOwnProperty,
    getPrototypeOf,
    Object.prototype,
    addIssue,
    addMissingKey,
    renderKey,
    sites,
    cap,
  );
  return { validate };
}

function functionFrom(source: string): (...args: unknown[]) => Validate {
  try {
    // The source holds no schema key or literal outside a JSON string literal (see generateValidator).
    return new Function(...GENERATED_PARAMS, source) as (...args: unknown[]) => Validate;
  } catch (error) {
    if (error instanceof EvalError) {
      throw new Error(
        'Cannot compile the payload schema: mindoff compiles shorthand schemas to JavaScript at ' +
          'startup, and this process forbids code generation from strings ' +
          '(--disallow-code-generation-from-strings); remove that flag.',
        { cause: error },
      );
    }
    throw error;
  }
}
