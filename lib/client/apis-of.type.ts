// The shape of a MindoffResponse, from a file with no Node types (browser projects read these types).
import type { MindoffResponseLike } from '../responses/mindoff-response-kind';
import type { UploadFile, UploadFiles } from './upload-file.type.js';

/** What `MindoffVersions.register()` returns, as far as the client reads it: the classes per version. */
export interface VersionMapLike {
  readonly __versions?: object;
}

/**
 * A value as it arrives after a round trip through JSON: `toJSON()` applied (a `Date` becomes a
 * string), functions dropped, the rest kept key by key.
 */
export type JsonOf<T> = T extends { toJSON(): infer J }
  ? J
  : T extends string | number | boolean | null | undefined
    ? T
    : T extends (...args: never[]) => unknown
      ? never
      : T extends object
        ? { [K in keyof T]: JsonOf<T[K]> }
        : T;

type VersionsOf<M> = M extends { readonly __versions?: infer V } ? NonNullable<V> : never;

type RunOf<C> = C extends abstract new (...args: never[]) => infer I
  ? I extends { run(...args: infer A): infer R }
    ? { args: A; returns: R }
    : never
  : never;

/** The `ctx` field `K` of `run(ctx)`, or `fallback` when `run()` takes no context. */
type ContextPart<A, K extends string, Fallback> = A extends readonly [infer Ctx, ...unknown[]]
  ? Ctx extends { [P in K]: infer T }
    ? T
    : Fallback
  : Fallback;

/** What `run()` returns when it does not pick its answer with a `MindoffResponse`. */
type PlainOf<R> = Exclude<Awaited<R>, MindoffResponseLike>;

/** An empty return is answered as `[]`. */
type EmptyFor<T> = undefined extends T ? [] : never;

/**
 * What the success envelope carries: the value `run()` returns, as JSON (`unknown` when it only
 * answers with `MindoffResponse`).
 */
type DataOf<R> = [PlainOf<R>] extends [never]
  ? unknown
  : JsonOf<Exclude<PlainOf<R>, undefined | void>> | EmptyFor<PlainOf<R>>;

/** Whether a field of `ctx.files` always holds a file (a tuple of at least one). */
type HoldsAFile<L> = [L] extends [readonly [unknown, ...unknown[]]] ? true : false;

/** What a call sends under a field of `ctx.files`: one file when it holds one at most, else a list too. */
type FileInput<L> = L extends readonly unknown[]
  ? number extends L['length']
    ? UploadFiles
    : UploadFile
  : UploadFiles;

/**
 * The `files` a call sends, from `ctx.files` as `ApiContext` types it (each declared field; the
 * required ones, which always hold a file, required here too); nothing when `ctx.files` names no
 * field (`MindoffContext`'s default: the API is taken to read no files).
 */
type FilesPart<F> = [F] extends [undefined]
  ? unknown
  : string extends keyof F
    ? unknown
    : [keyof F] extends [never]
      ? unknown
      : {
          files: Flat<
            {
              -readonly [K in keyof F as HoldsAFile<F[K]> extends true ? K : never]: FileInput<
                F[K]
              >;
            } & {
              -readonly [K in keyof F as HoldsAFile<F[K]> extends true ? never : K]?: FileInput<
                F[K]
              >;
            }
          >;
        };

/** An intersection of object types as one (for readable hovers and messages). */
type Flat<T> = { [K in keyof T]: T[K] };

/** The shape of one API class, from what its `run()` receives and returns. */
export type ApiShapeOf<C> =
  RunOf<C> extends { args: infer A; returns: infer R }
    ? {
        payload: ContextPart<A, 'payload', unknown>;
        query: ContextPart<A, 'query', Record<string, unknown>>;
        params: ContextPart<A, 'params', Record<string, string>>;
        data: DataOf<R>;
      } & FilesPart<ContextPart<A, 'files', undefined>>
    : never;

/**
 * The client's types of the app's APIs, from their version maps, with no code generation: for each
 * version, the payload, query and path parameters its `run(ctx)` reads and the `data` it answers
 * (what `run()` returns, a `MindoffResponse` left out). Name each map by its urlName.
 *
 * @example
 * export type AppApis = MindoffApisOf<{
 *   orders__get_order: typeof GetOrderVersions;
 *   jobs__generate_inventory_report: typeof GenerateInventoryReportVersions;
 * }>;
 * const client = createMindoffClient<AppApis>({ baseUrl: 'http://127.0.0.1:3000' });
 */
export type MindoffApisOf<M extends Record<string, VersionMapLike>> = {
  [N in keyof M & string]: {
    [V in keyof VersionsOf<M[N]> & number]: ApiShapeOf<VersionsOf<M[N]>[V]>;
  };
};
