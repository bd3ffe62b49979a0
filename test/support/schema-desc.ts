import {
  Any,
  DictOf,
  Int,
  ListOf,
  Literal,
  Optional,
  Union,
  type LiteralValue,
  type ShorthandSchema,
} from '../../lib/validation';
import { ownObject } from './shorthand-reference';

/**
 * A shorthand schema described as plain data, so property tests can generate one with fast-check,
 * show it in a counterexample and build the real schema from it.
 */
export type SchemaDesc =
  | { kind: 'string' | 'number' | 'int' | 'boolean' | 'any' }
  | { kind: 'literal'; values: LiteralValue[] }
  | { kind: 'dict'; entries: [string, SchemaDesc][] }
  | { kind: 'list' | 'listOf'; item: SchemaDesc }
  | { kind: 'dictOf'; value: SchemaDesc }
  | { kind: 'union'; members: SchemaDesc[] }
  | { kind: 'optional'; inner: SchemaDesc };

/**
 * The shorthand schema `desc` describes (dict keys as own properties, `__proto__` included).
 *
 * @example
 * buildSchema({ kind: 'listOf', item: { kind: 'int' } }); // ListOf(Int)
 */
export function buildSchema(desc: SchemaDesc): ShorthandSchema {
  switch (desc.kind) {
    case 'string':
      return String;
    case 'number':
      return Number;
    case 'int':
      return Int;
    case 'boolean':
      return Boolean;
    case 'any':
      return Any;
    case 'literal':
      return Literal(...desc.values);
    case 'dict':
      return ownObject(
        desc.entries.map(([key, child]) => [key, buildSchema(child)]),
      ) as ShorthandSchema;
    case 'list':
      return [buildSchema(desc.item)];
    case 'listOf':
      return ListOf(buildSchema(desc.item));
    case 'dictOf':
      return DictOf(buildSchema(desc.value));
    case 'union':
      return Union(...desc.members.map(buildSchema));
    case 'optional':
      return Optional(buildSchema(desc.inner));
  }
}
