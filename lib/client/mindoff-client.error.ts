/**
 * Why a request got no envelope: `network` (no answer: refused connection, reset, DNS),
 * `timeout` (no complete answer within the timeout), `not_envelope` (an answer that is not a
 * mindoff envelope, e.g. a proxy's 502 page), `not_served` (the API or version is not in the route
 * table, or the server serves no route table), `aborted` (the caller's signal fired).
 */
export type MindoffClientErrorKind =
  'network' | 'timeout' | 'not_envelope' | 'not_served' | 'aborted';

/** Details of a `MindoffClientError`, when there are any. */
export interface MindoffClientErrorDetails {
  /** The URL of the request. */
  url?: string;
  /** The HTTP status, when an answer arrived. */
  status?: number;
  /** The answer's text, when one arrived (`not_envelope`). */
  body?: string;
  /** The underlying error (a fetch `TypeError`, an `AbortSignal` reason). */
  cause?: unknown;
}

/**
 * The one error the client throws for anything that is not an envelope answer (an envelope, even
 * a refusal, is a result, never an error).
 *
 * @example
 * try {
 *   await client.call('shop__get_profile', { version: 1 });
 * } catch (error) {
 *   if (error instanceof MindoffClientError && error.kind === 'not_envelope') console.log(error.status, error.body);
 * }
 */
export class MindoffClientError extends Error {
  override readonly name = 'MindoffClientError';
  readonly kind: MindoffClientErrorKind;
  readonly url?: string;
  readonly status?: number;
  readonly body?: string;

  constructor(
    kind: MindoffClientErrorKind,
    message: string,
    details: MindoffClientErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.url = details.url;
    this.status = details.status;
    this.body = details.body;
  }
}
