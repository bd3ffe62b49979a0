/**
 * What `run()` receives: the validated payload and the request's parts, with no decorators.
 *
 * @example
 * async run({ payload, user }: MindoffContext<Infer<typeof schema>>) { ... }
 */
export interface MindoffContext<P = unknown, U = unknown> {
  /** The parsed, validated body (`{}` when none was sent or the method carries none). */
  payload: P;
  /** Query string values. */
  query: Record<string, unknown>;
  /** Route parameters. */
  params: Record<string, string>;
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
  /** The adapter's raw request (express `Request` or fastify `FastifyRequest`). */
  request: unknown;
  /** Aborted when the work should stop (client gone, or a queued task cancelled). */
  signal: AbortSignal;
  /** Reports progress to a queue-mode task; a no-op in direct mode. */
  checkpoint(step: string, message?: string): Promise<void>;
}
