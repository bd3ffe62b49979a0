/** Whether `A` and `B` are the same type (not merely assignable either way). */
export type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * Compiles only when `T` is `true`: a type-level check that `npx tsc --noEmit` fails on.
 *
 * @example
 * assertType<Equal<typeof order.data.order_id, number>>(true);
 */
export const assertType = <T extends true>(value: T): T => value;
