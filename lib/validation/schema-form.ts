import { SCHEMA_KIND } from './schema.types';

/**
 * A schema value sorted into the form it has, so the compiler and the startup check read a
 * schema the same way. Children stay `unknown`: they are classified in turn.
 */
export type SchemaForm =
  | { kind: 'string' | 'number' | 'int' | 'boolean' | 'any' }
  | { kind: 'dict'; entries: readonly (readonly [string, unknown])[] }
  | { kind: 'list'; items: readonly unknown[] }
  | { kind: 'listOf'; item: unknown }
  | { kind: 'dictOf'; value: unknown }
  | { kind: 'union'; members: unknown }
  | { kind: 'literal'; values: unknown }
  | { kind: 'optional'; inner: unknown }
  | { kind: 'unsupported' };

const hasOwn = (value: object, key: PropertyKey): boolean =>
  Object.prototype.hasOwnProperty.call(value, key);

/** Sorts one schema value into its form; anything unrecognised is `unsupported`. */
export function schemaForm(schema: unknown): SchemaForm {
  if (schema === String) return { kind: 'string' };
  if (schema === Number) return { kind: 'number' };
  if (schema === Boolean) return { kind: 'boolean' };
  if (typeof schema !== 'object' || schema === null) return { kind: 'unsupported' };
  if (Array.isArray(schema)) return { kind: 'list', items: schema };
  if (hasOwn(schema, SCHEMA_KIND)) return brandedForm(schema as Record<PropertyKey, unknown>);
  const proto: unknown = Object.getPrototypeOf(schema);
  if (proto !== Object.prototype && proto !== null) return { kind: 'unsupported' };
  return { kind: 'dict', entries: Object.entries(schema) };
}

function brandedForm(schema: Record<PropertyKey, unknown>): SchemaForm {
  switch (schema[SCHEMA_KIND]) {
    case 'int':
      return { kind: 'int' };
    case 'any':
      return { kind: 'any' };
    case 'listOf':
      return { kind: 'listOf', item: schema.item };
    case 'dictOf':
      return { kind: 'dictOf', value: schema.value };
    case 'union':
      return { kind: 'union', members: schema.members };
    case 'literal':
      return { kind: 'literal', values: schema.values };
    case 'optional':
      return { kind: 'optional', inner: schema.inner };
    default:
      return { kind: 'unsupported' };
  }
}
