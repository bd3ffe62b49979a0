import { checkSchemaDefinition } from './schema-definition.check';
import { schemaForm } from './schema-form';
import { appendSegment } from './validation-issue';
import type { UrlPart } from './url-values.check';

const SCALARS = new Set(['string', 'number', 'int', 'boolean', 'any', 'literal']);

/**
 * Every problem in a `params` or `query` shorthand, run once at startup. URL values are strings,
 * so each key takes a scalar (`String`, `Int`, `Number`, `Boolean`, `Any`, `Literal`, a `Union`
 * of those), `Optional(...)` of one (query only: a path parameter is always present), or
 * (query only) `ListOf(scalar)` for a repeated key.
 *
 * @example
 * checkUrlSchemaDefinition({ page: Optional(Int) }, 'query'); // []
 */
export function checkUrlSchemaDefinition(schema: unknown, part: UrlPart): string[] {
  const problems = checkSchemaDefinition(schema, part);
  if (problems.length > 0) return problems;
  const form = schemaForm(schema);
  if (form.kind !== 'dict') {
    return [`${part}: must be an object of keys, e.g. ${example(part)}`];
  }
  for (const [key, field] of form.entries) {
    const at = appendSegment(part, key);
    const problem = fieldProblem(field, part);
    if (problem) problems.push(`${at}: ${problem}`);
  }
  return problems;
}

function fieldProblem(field: unknown, part: UrlPart): string | undefined {
  const form = schemaForm(field);
  if (form.kind === 'optional') {
    if (part === 'params') return 'a path parameter is always present; drop Optional(...)';
    return fieldProblem(form.inner, part);
  }
  if (form.kind === 'listOf') {
    if (part === 'params') return 'a path parameter is one value; ListOf(...) is for query keys';
    return isScalar(form.item)
      ? undefined
      : `ListOf(...) of a URL value takes a scalar, ${SCALAR_FORMS}`;
  }
  return isScalar(field)
    ? undefined
    : `URL values are text; use ${SCALAR_FORMS}${part === 'query' ? ', Optional(...) or ListOf(...) of one' : ''}`;
}

const SCALAR_FORMS = 'String, Int, Number, Boolean, Any, Literal(...) or a Union(...) of those';

function isScalar(schema: unknown): boolean {
  const form = schemaForm(schema);
  if (form.kind === 'union') return (form.members as readonly unknown[]).every(isScalar);
  return SCALARS.has(form.kind);
}

function example(part: UrlPart): string {
  return part === 'params' ? '{ order_id: Int }' : '{ page: Optional(Int) }';
}
