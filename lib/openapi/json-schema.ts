/** A JSON Schema (or OpenAPI Schema Object) as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/**
 * The schema dialect of the document being written: OpenAPI 3.0's (`nullable: true`) or 3.1's
 * and later (JSON Schema 2020-12, `type: [..., 'null']`).
 */
export type OpenApiDialect = '3.0' | '3.1';

/** The dialect of an `openapi` version string: `'3.1.0'` and later are `'3.1'`, anything else `'3.0'`. */
export function dialectOf(openapi: string | undefined): OpenApiDialect {
  const [major, minor] = (openapi ?? '3.0.0').split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 1) ? '3.1' : '3.0';
}

/**
 * `schema`, widened to also accept `null`, in the dialect's own words.
 *
 * @example
 * orNull({ type: 'string' }, '3.1'); // { type: ['string', 'null'] }
 * orNull({ type: 'string' }, '3.0'); // { type: 'string', nullable: true }
 */
export function orNull(schema: JsonSchema, dialect: OpenApiDialect): JsonSchema {
  if (Object.keys(schema).length === 0) return schema;
  const values = Array.isArray(schema.enum) ? { enum: [...(schema.enum as unknown[]), null] } : {};
  if (dialect === '3.0') return { ...schema, ...values, nullable: true };
  if (typeof schema.type === 'string' && schema.$ref === undefined) {
    return { ...schema, ...values, type: [schema.type, 'null'] };
  }
  return { anyOf: [schema, { type: 'null' }] };
}
