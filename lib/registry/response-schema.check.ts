import { checkSchemaDefinition, isDtoClass, isStandardSchema } from '../validation';

/**
 * Every problem in a declared `responseSchema`, each at its place in the schema
 * (`responseSchema.items[*].qty: ...`): a shorthand is checked like `payloadSchema`; a Standard
 * Schema or a DTO class is taken as it is. Empty when there is none or it is sound.
 *
 * @example
 * checkResponseSchema({ id: String, tags: [] });
 * // ['responseSchema.tags: a list shorthand must hold exactly one schema, e.g. [String]; ...']
 */
export function checkResponseSchema(schema: unknown): string[] {
  if (schema === undefined || schema === null) return [];
  if (isStandardSchema(schema) || isDtoClass(schema)) return [];
  return checkSchemaDefinition(schema, 'responseSchema');
}
