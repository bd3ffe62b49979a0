import {
  SCHEMA_KIND,
  type DictOfSchema,
  type ListOfSchema,
  type LiteralSchema,
  type LiteralValue,
  type OptionalSchema,
  type ShorthandSchema,
  type UnionSchema,
} from './schema.types';

/** An array whose every item matches `item`; the same as the list shorthand `[item]`. */
export function ListOf<const S extends ShorthandSchema>(item: S): ListOfSchema<S> {
  return Object.freeze({ [SCHEMA_KIND]: 'listOf' as const, item });
}

/** An object with any string keys whose every value matches `value`, e.g. `DictOf(Int)`. */
export function DictOf<const S extends ShorthandSchema>(value: S): DictOfSchema<S> {
  return Object.freeze({ [SCHEMA_KIND]: 'dictOf' as const, value });
}

/** A value that matches any one of `members`, e.g. `Union(String, Int)`. */
export function Union<const M extends readonly ShorthandSchema[]>(...members: M): UnionSchema<M> {
  return Object.freeze({ [SCHEMA_KIND]: 'union' as const, members: Object.freeze(members) });
}

/** A value `===` one of `values`, e.g. `Literal('draft', 'sent')`; its type stays `'draft' | 'sent'`. */
export function Literal<const V extends readonly LiteralValue[]>(...values: V): LiteralSchema<V> {
  return Object.freeze({ [SCHEMA_KIND]: 'literal' as const, values: Object.freeze(values) });
}

/**
 * `null`, `undefined` or a match for `schema`; as a dict value, the key may also be absent, even
 * in strict mode.
 */
export function Optional<const S extends ShorthandSchema>(schema: S): OptionalSchema<S> {
  return Object.freeze({ [SCHEMA_KIND]: 'optional' as const, inner: schema });
}
