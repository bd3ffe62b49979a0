import type { MindoffResponse } from '../responses';
import type { Infer, ShorthandSchema } from '../validation';

type Key<Path extends string, K extends string> = Path extends '' ? K : `${Path}.${K}`;

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/**
 * The keys of `T` (a value `run()` returns) that schema type `S` does not declare, as dotted paths
 * (`items[].skuu`). Unions in the schema are not inspected (any member's keys are allowed).
 */
export type ExcessKeys<T, S, Path extends string = ''> = unknown extends S
  ? never
  : T extends readonly (infer TI)[]
    ? NonNullable<S> extends readonly (infer SI)[]
      ? ExcessKeys<TI, SI, `${Path}[]`>
      : never
    : T extends object
      ? true extends IsUnion<NonNullable<S>>
        ? never
        : NonNullable<S> extends object
          ? {
              [K in keyof T & string]: K extends keyof NonNullable<S>
                ? ExcessKeys<T[K], NonNullable<S>[K], Key<Path, K>>
                : Key<Path, K>;
            }[keyof T & string]
          : never
      : never;

/**
 * What a class under `@MindoffApi({ responseSchema })` must satisfy: `run()` returns (or resolves
 * to) the data the schema describes, or a `MindoffResponse`, with no key the schema does not
 * declare. When it does not, the decorator fails to compile with a property that names the
 * problem. No constraint without a `responseSchema`.
 */
export type ResponseCheck<I, R> = [R] extends [undefined | null]
  ? unknown
  : [ShorthandSchema] extends [NonNullable<R>]
    ? unknown
    : I extends { run(...args: never[]): infer Ret }
      ? [Awaited<Ret>] extends [Infer<NonNullable<R>> | MindoffResponse]
        ? [ExcessKeys<Exclude<Awaited<Ret>, MindoffResponse>, Infer<NonNullable<R>>>] extends [
            never,
          ]
          ? unknown
          : {
              'run() returns keys its responseSchema does not declare': ExcessKeys<
                Exclude<Awaited<Ret>, MindoffResponse>,
                Infer<NonNullable<R>>
              >;
            }
        : { 'run() must return the data its responseSchema describes': Infer<NonNullable<R>> }
      : unknown;

/** The decorator `@MindoffApi()` returns: checks `run()`'s result against `responseSchema`. */
export type ApiClassDecorator<R> = <T extends abstract new (...args: never[]) => object>(
  target: T & { prototype: ResponseCheck<InstanceType<T>, R> },
) => void;
