import type { CompileOptions, PayloadValidator } from './payload-validator.interface';
import { checkSchemaDefinition } from './schema-definition.check';
import { schemaForm } from './schema-form';
import type { ShorthandSchema } from './schema.types';
import {
  dictNode,
  dictOfNode,
  listNode,
  literalNode,
  unionNode,
  type CompiledNode,
} from './shorthand.nodes';
import { fail, startRun, type Check } from './validation-run';

const DEFAULT_MAX_ERRORS = 100;

/**
 * Compiles a shorthand schema once into a validator made of closures; nothing is interpreted per
 * request. Throws when the schema itself is invalid (see `checkSchemaDefinition`).
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
  const root = compileNode(schema, options.mode === 'strict');
  return {
    validate(value: unknown) {
      const run = startRun(cap);
      return root.check(value, run) ? null : run.issues;
    },
  };
}

function compileNode(schema: unknown, strict: boolean): CompiledNode {
  const form = schemaForm(schema);
  switch (form.kind) {
    case 'string':
      return leaf('string', (v) => typeof v === 'string');
    case 'number':
      return leaf('number', (v) => typeof v === 'number' && Number.isFinite(v));
    case 'int':
      return leaf('integer', (v) => Number.isInteger(v));
    case 'boolean':
      return leaf('boolean', (v) => typeof v === 'boolean');
    case 'any':
      return { check: () => true, expected: 'any', optional: false };
    case 'optional': {
      const inner = compileNode(form.inner, strict);
      const check: Check = (v, run) => v === null || v === undefined || inner.check(v, run);
      return { check, expected: `${inner.expected} | null`, optional: true };
    }
    case 'dict':
      return dictNode(
        form.entries.map(([key, child]) => [key, compileNode(child, strict)] as const),
        strict,
      );
    case 'list':
      return listNode(compileNode(form.items[0], strict));
    case 'listOf':
      return listNode(compileNode(form.item, strict));
    case 'dictOf':
      return dictOfNode(compileNode(form.value, strict));
    case 'union':
      return unionNode((form.members as unknown[]).map((m) => compileNode(m, strict)));
    case 'literal':
      return literalNode(form.values as readonly unknown[]);
    default:
      throw new Error('unsupported schema form'); // unreachable: the definition was checked
  }
}

function leaf(expected: string, accepts: (value: unknown) => boolean): CompiledNode {
  const check: Check = (v, run) => accepts(v) || fail(run, 'type', expected, v);
  return { check, expected, optional: false };
}
