import type { StandardSchemaV1 } from './standard-schema';
/**
 * The brand every non-constructor schema carries (`Int`, `Any` and the builders). A symbol key,
 * so it never collides with a dict shorthand's keys and `Object.keys` never sees it.
 */
export const SCHEMA_KIND: unique symbol = Symbol.for('mindoff.schemaKind');

/** The `Int` marker's type: a whole, finite number. */
export interface IntSchema {
  readonly [SCHEMA_KIND]: 'int';
}

/** The `Any` marker's type: any value, including `null`. */
export interface AnySchema {
  readonly [SCHEMA_KIND]: 'any';
}

/** What `ListOf(item)` builds: an array whose every item matches `item`. */
export interface ListOfSchema<S = ShorthandSchema> {
  readonly [SCHEMA_KIND]: 'listOf';
  readonly item: S;
}

/** What `DictOf(value)` builds: an object with any keys whose every value matches `value`. */
export interface DictOfSchema<S = ShorthandSchema> {
  readonly [SCHEMA_KIND]: 'dictOf';
  readonly value: S;
}

/** What `Union(a, b, ...)` builds: a value that matches any one of the members. */
export interface UnionSchema<M extends readonly unknown[] = readonly ShorthandSchema[]> {
  readonly [SCHEMA_KIND]: 'union';
  readonly members: M;
}

/** The values `Literal(...)` accepts as members. */
export type LiteralValue = string | number | boolean;

/** What `Literal('A', 'B')` builds: a value `===` one of the listed values. */
export interface LiteralSchema<V extends readonly LiteralValue[] = readonly LiteralValue[]> {
  readonly [SCHEMA_KIND]: 'literal';
  readonly values: V;
}

/** What `Optional(schema)` builds: `null`, `undefined`, a missing dict key, or a match. */
export interface OptionalSchema<S = ShorthandSchema> {
  readonly [SCHEMA_KIND]: 'optional';
  readonly inner: S;
}

/** The dict shorthand `{ key: schema, ... }`: each declared key is checked, extra keys allowed. */
export interface DictShorthand {
  readonly [key: string]: ShorthandSchema;
}

/** The list shorthand `[schema]`; exactly one element (checked at startup). */
export type ListShorthand = readonly ShorthandSchema[];

/** Every accepted schema form. */
export type ShorthandSchema =
  | StringConstructor
  | NumberConstructor
  | BooleanConstructor
  | IntSchema
  | AnySchema
  | DictShorthand
  | ListShorthand
  | ListOfSchema
  | DictOfSchema
  | UnionSchema
  | LiteralSchema
  | OptionalSchema;

/**
 * A safe integer (`Number.isSafeInteger`, |n| <= 2^53 - 1: beyond that a JSON number may already
 * have been rounded when parsed); booleans, fractions, NaN, Infinity and larger numbers fail.
 */
export const Int: IntSchema = Object.freeze({ [SCHEMA_KIND]: 'int' as const });

/** Accepts any value, including `null`; nothing below it is checked. */
export const Any: AnySchema = Object.freeze({ [SCHEMA_KIND]: 'any' as const });

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Flatten<T> = { [K in keyof T]: T[K] } & {};

type OptionalKeys<D> = {
  [K in keyof D]-?: D[K] extends OptionalSchema<unknown> ? K : never;
}[keyof D];

type InferDict<D> = Flatten<
  Mutable<{ [K in Exclude<keyof D, OptionalKeys<D>>]: Infer<D[K]> }> &
    Mutable<{ [K in OptionalKeys<D>]?: Infer<D[K]> }>
>;

/**
 * The TypeScript type of a payload that passes schema `S`, e.g.
 * `Infer<typeof schema>` for `{ id: String, tags: [String], note: Optional(String) }`.
 */
export type Infer<S> =
  S extends StandardSchemaV1<unknown, infer O>
    ? O
    : [ShorthandSchema] extends [S]
      ? unknown
      : S extends StringConstructor | NumberConstructor | BooleanConstructor
        ? InferForm<S>
        : S extends abstract new (...args: never[]) => infer T
          ? T
          : InferForm<S>;

/** `Infer` for a known schema; the wide `ShorthandSchema` itself is `unknown` (see `Infer`). */
type InferForm<S> = S extends StringConstructor
  ? string
  : S extends NumberConstructor
    ? number
    : S extends BooleanConstructor
      ? boolean
      : S extends IntSchema
        ? number
        : S extends AnySchema
          ? unknown
          : S extends OptionalSchema<infer I>
            ? Infer<I> | null | undefined
            : S extends ListOfSchema<infer I>
              ? Infer<I>[]
              : S extends DictOfSchema<infer I>
                ? Record<string, Infer<I>>
                : S extends UnionSchema<infer M>
                  ? Infer<M[number]>
                  : S extends LiteralSchema<infer V>
                    ? V[number]
                    : S extends readonly (infer I)[]
                      ? Infer<I>[]
                      : S extends object
                        ? InferDict<S>
                        : never;
