import { schemaForm } from '../validation/schema-form';
import { orNull, type JsonSchema, type OpenApiDialect } from './json-schema';

/** How a shorthand schema is written out: strict mode requires every non-Optional key. */
export interface ShorthandJsonSchemaOptions {
  strict: boolean;
  dialect: OpenApiDialect;
}

/**
 * The JSON Schema of a mindoff shorthand schema (already checked at startup), accepting what the
 * validator accepts: extra dict keys allowed, `Union` as `anyOf`, `Optional` also `null`.
 *
 * @example
 * shorthandJsonSchema({ sku: String, qty: Int }, { strict: true, dialect: '3.1' });
 * // { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: ..., maximum: ... } }, required: ['sku', 'qty'] }
 */
export function shorthandJsonSchema(
  schema: unknown,
  options: ShorthandJsonSchemaOptions,
): JsonSchema {
  const form = schemaForm(schema);
  const child = (inner: unknown) => shorthandJsonSchema(inner, options);
  switch (form.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return { type: form.kind };
    case 'int':
      return { ...SAFE_INTEGER };
    case 'any':
      return {};
    case 'list':
      return { type: 'array', items: child(form.items[0]) };
    case 'listOf':
      return { type: 'array', items: child(form.item) };
    case 'dictOf':
      return { type: 'object', additionalProperties: child(form.value) };
    case 'union':
      return { anyOf: (form.members as unknown[]).map(child) };
    case 'literal':
      return literal(form.values as unknown[]);
    case 'optional':
      return orNull(child(form.inner), options.dialect);
    case 'dict': {
      const properties = Object.fromEntries(
        form.entries.map(([key, value]) => [key, child(value)]),
      );
      const required = options.strict
        ? form.entries.filter(([, value]) => schemaForm(value).kind !== 'optional').map(([k]) => k)
        : [];
      return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
    }
    default:
      throw new TypeError(`unsupported shorthand schema form: ${String(schema)}`);
  }
}

/** `Int` accepts safe integers only (|n| <= 2^53 - 1). */
const SAFE_INTEGER = {
  type: 'integer',
  minimum: Number.MIN_SAFE_INTEGER,
  maximum: Number.MAX_SAFE_INTEGER,
} as const;

function literal(values: unknown[]): JsonSchema {
  const types = new Set(values.map((value) => typeof value));
  return types.size === 1 ? { type: [...types][0], enum: values } : { enum: values };
}
