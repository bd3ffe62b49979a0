import { isDtoClass } from './dto-class';
import type { PayloadSchema } from './payload-schema';
import { schemaForm } from './schema-form';
import { isStandardSchema } from './standard-schema';
import { compileCoercion, type Coerce } from './string-coercion';

/** The text fields of a multipart form as the payload's schema expects them. */
export type FormFieldsCoercion = (
  fields: Record<string, string | string[]>,
) => Record<string, unknown>;

/**
 * The coercion of a multipart form's text fields, compiled once from the payload's shorthand: the
 * rules of query strings (see `compileCoercion`), so `count: Int` takes `'3'` as `3`, `Boolean`
 * takes `'true'`, literals their spelling, and a field sent several times is a list under
 * `ListOf` (a single one a one-item list). Undeclared fields and those no rule applies to stay
 * strings, for the validator to judge. A Standard Schema or DTO class gets the strings as they came
 * (it coerces them itself); so does a schema that is not a dict.
 *
 * @example
 * compileFormFieldsCoercion({ count: Int, tags: ListOf(String) })({ count: '3', tags: 'a' });
 * // { count: 3, tags: ['a'] }
 */
export function compileFormFieldsCoercion(schema: PayloadSchema | null): FormFieldsCoercion | null {
  if (schema === null || isStandardSchema(schema) || isDtoClass(schema)) return null;
  const form = schemaForm(schema);
  if (form.kind !== 'dict') return null;
  const coercions = form.entries.map(([key, field]): [string, Coerce] => [
    key,
    compileCoercion(field),
  ]);
  return (fields) => {
    const values: Record<string, unknown> = { ...fields };
    for (const [key, coerce] of coercions) {
      if (Object.prototype.hasOwnProperty.call(fields, key)) values[key] = coerce(fields[key]);
    }
    return values;
  };
}
