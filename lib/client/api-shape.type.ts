import type { RetryPolicy } from './retry-policy.js';
import type { UploadFiles } from './upload-file.type.js';
/**
 * One API version as a client calls it: what it takes (payload, query, path parameters and, for an
 * upload API, files) and the `data` of its success envelope. `MindoffApisOf` works these out from
 * the API classes; a module generated from an OpenAPI document writes them out.
 */
export interface ApiShape {
  payload: unknown;
  query: unknown;
  params: unknown;
  /**
   * The files of an API that reads `multipart/form-data`, by file field
   * (`{ avatar: UploadFile; photos?: UploadFiles }`); absent: the API takes no files.
   */
  files?: unknown;
  data: unknown;
}

/**
 * Every API a client may call: urlName → version → shape.
 *
 * @example
 * type Apis = { shop__get_profile: { 1: { payload: unknown; query: unknown; params: unknown; data: { name: string } } } };
 */
export type ApisShape = { [urlName: string]: { [version: number]: ApiShape } };

/** A value of the query string; a list is sent as repeated keys (`?tag=a&tag=b`). */
export type QueryValue =
  string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/** The urlNames of `Apis`. */
export type ApiName<Apis extends ApisShape> = keyof Apis & string;

/** The versions of `urlName` in `Apis`. */
export type ApiVersion<Apis extends ApisShape, N extends ApiName<Apis>> = keyof Apis[N] & number;

/** The shape of one version (`unknown` parts when `Apis` does not list it). */
export type ApiOf<Apis extends ApisShape, N extends ApiName<Apis>, V> = V extends keyof Apis[N]
  ? Apis[N][V] extends ApiShape
    ? Apis[N][V]
    : ApiShape
  : ApiShape;

/** Whether a part was left undeclared (any JSON, or any string keys): then it is optional and loose. */
type Undeclared<T> = unknown extends T ? true : string extends keyof T ? true : false;

type PayloadOption<P> =
  Undeclared<P> extends true
    ? { payload?: unknown }
    : object extends P
      ? { payload?: P }
      : { payload: P };

type ParamsOption<A> =
  Undeclared<A> extends true
    ? { params?: Record<string, string | number | boolean> }
    : object extends A
      ? { params?: A }
      : { params: A };

type QueryOption<Q> =
  Undeclared<Q> extends true
    ? { query?: Record<string, QueryValue> }
    : object extends Q
      ? { query?: Q }
      : { query: Q };

/** No `files` unless the shape has them; loose when it has them untyped. */
type FilesOption<S> = 'files' extends keyof S
  ? Undeclared<S[keyof S & 'files']> extends true
    ? { files?: Record<string, UploadFiles> }
    : [Exclude<S[keyof S & 'files'], undefined>] extends [never]
      ? { files?: never }
      : object extends S[keyof S & 'files']
        ? { files?: S[keyof S & 'files'] }
        : { files: S[keyof S & 'files'] }
  : { files?: never };

/** What every request of the client may add: headers, an abort signal, its own timeout. */
export interface RequestOptions {
  /** Headers of this request only (they win over the client's). */
  headers?: Record<string, string>;
  /** Aborts the request (the client then throws `MindoffClientError` of kind `aborted`). */
  signal?: AbortSignal;
  /** This request's timeout in ms (default: the client's `timeoutMs`). */
  timeoutMs?: number;
  /**
   * For an API that honours an `Idempotency-Key`: the key to send (default: a new random key per
   * call). Pass the same key again to make a later call a retry of this one.
   */
  idempotencyKey?: string;
  /** This call's retry policy (default: the client's `retry`); `false` sends it once. */
  retry?: RetryPolicy | false;
}

/**
 * The options of a call of version `V` of an API of shape `S`: the version, then the payload,
 * path parameters, query and files as the API declares them (required when it requires them).
 * An API with files is sent as `multipart/form-data`, its payload as the form's text fields.
 */
export type CallOptions<S extends ApiShape, V> = { version: V } & RequestOptions &
  PayloadOption<S['payload']> &
  ParamsOption<S['params']> &
  QueryOption<S['query']> &
  FilesOption<S>;
