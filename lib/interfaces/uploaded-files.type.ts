import type { UploadedFile } from './mindoff-context.interface';

/** Whether a file field must carry a file: unless it declares `required: false` (or a boolean). */
type IsRequired<R> = R extends { required: infer Q } ? ([Q] extends [true] ? true : false) : true;

/** Whether a file field takes one file at most: `maxCount` absent or `1`. */
type IsSingle<R> = R extends { maxCount: infer C } ? ([C] extends [1] ? true : false) : true;

/** The files of one declared field, as `ctx.files` holds them. */
type FieldFiles<R> =
  IsSingle<R> extends true
    ? IsRequired<R> extends true
      ? [UploadedFile]
      : [] | [UploadedFile]
    : IsRequired<R> extends true
      ? [UploadedFile, ...UploadedFile[]]
      : UploadedFile[];

/**
 * `ctx.files` of an API that declares `files`: each declared field, holding exactly one file when
 * it takes one and is required, at least one when required, else a list that may be empty. (A
 * `maxCount` or `required` read from a `satisfies` declaration keeps its literal type.)
 *
 * @example
 * type Files = UploadedFiles<{ avatar: { types: ['image/png'] }; photos: { maxCount: 3; required: false } }>;
 * // { readonly avatar: [UploadedFile]; readonly photos: UploadedFile[] }
 */
export type UploadedFiles<D> = { readonly [K in keyof D]: FieldFiles<D[K]> };
