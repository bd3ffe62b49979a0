/**
 * What `run()` receives: the validated payload and the request's parts, with no decorators.
 * `P` is the payload, `U` the user, `Q` the query, `A` the path parameters and `F` the files;
 * `ApiContext<typeof declaration>` works all of them out from the declaration.
 *
 * @example
 * async run({ payload, user }: MindoffContext<Infer<typeof schema>>) { ... }
 */
export interface MindoffContext<
  P = unknown,
  U = unknown,
  Q = Record<string, unknown>,
  A = Record<string, string>,
  F = Readonly<Record<string, UploadedFile[]>>,
> {
  /** The parsed, validated body (`{}` when none was sent or the method carries none). */
  payload: P;
  /** The query string: validated and coerced when the API declares `query`, else as parsed. */
  query: Q;
  /** The path parameters: coerced and validated when the API declares `params`, else strings. */
  params: A;
  /** The authenticated user, or `null` when anonymous. */
  user: U | null;
  /** The API version that was called (`1` for `/v1/...`). */
  version: number;
  /** The API's urlName. */
  urlName: string;
  /**
   * The request's id (its `X-Request-Id`, echoed on the answer); in a worker, the id of the
   * request that enqueued the task.
   */
  requestId: string;
  /**
   * The files of a multipart upload, by declared file field (`files: { avatar: {...} }` →
   * `ctx.files.avatar[0]`): every declared field is present, with an empty list when nothing was
   * sent under it. `{}` for APIs without `files`, and in workers. `ApiContext` types each declared
   * field (at least one file when required, at most one unless `maxCount` says more).
   */
  files: F;
  /** The adapter's raw request (express `Request` or fastify `FastifyRequest`). */
  request: unknown;
  /** Aborted when the work should stop (client gone, or a queued task cancelled). */
  signal: AbortSignal;
  /** Reports progress to a queue-mode task; a no-op in direct mode. */
  readonly checkpoint: (step: string, message?: string) => Promise<void>;
}

/**
 * One uploaded file, held in memory for the request: nothing is written to disk, and the bytes
 * are gone with the request unless `run()` keeps them.
 *
 * @example
 * async run({ files }: MindoffContext) {
 *   const [avatar] = files.avatar; // { field: 'avatar', name: 'me.png', type: 'image/png', size, buffer }
 *   await storage.put(`avatars/${randomUUID()}.png`, avatar.buffer); // never a path from avatar.name
 * }
 */
export interface UploadedFile {
  /** The form field it was sent under, e.g. `avatar`. */
  field: string;
  /**
   * The client's file name reduced to its base name (no directories, no `..`, no control
   * characters); `''` when none was sent. For display only: never build a path from it.
   */
  name: string;
  /** The part's declared content type, lower case, without parameters (`image/png`). */
  type: string;
  /** Size in bytes. */
  size: number;
  /** The file's bytes. */
  buffer: Buffer;
}
