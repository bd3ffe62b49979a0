import type { DefaultResponseCode } from '../responses/default-responses';
import type { Envelope } from '../responses/envelope.interface';

/** A code of a refusal or failure: a built-in code (listed for completion) or one of the app's own. */
export type FailureCode = Exclude<DefaultResponseCode, 'SUCCESS'> | (string & {});

/** The API did what was asked: `data` is what its `run()` returned (as JSON). */
export interface CallSuccess<D> {
  ok: true;
  /** `SUCCESS`, or the app's own 2xx code when `run()` answered `MindoffResponse.json(...)`. */
  code: 'SUCCESS' | (string & {});
  /** The HTTP status. */
  status: number;
  data: D;
  envelope: Envelope<D>;
  /** The answer's headers (`X-Request-Id`, rate-limit and deprecation headers…). */
  headers: Headers;
}

/** Any other envelope: a refusal (auth, payload, rate limit…), a failed or cancelled task, an error. */
export interface CallFailure {
  ok: false;
  code: FailureCode;
  /** The HTTP status. */
  status: number;
  /** The envelope's data, e.g. the issue list of `INVALID_PAYLOAD`. */
  data: unknown;
  envelope: Envelope<unknown>;
  /** The answer's headers (`Retry-After`, `WWW-Authenticate`…). */
  headers: Headers;
}

/**
 * What a call answers, always an envelope: `ok` tells success from everything else and narrows
 * `data`; `code` names the outcome (`switch (result.code)`).
 *
 * @example
 * const result = await client.call('orders__get_order', { version: 1, params: { order_id: 7 } });
 * if (result.ok) console.log(result.data.order_id);
 * else if (result.code === 'NOT_AUTHENTICATED') login();
 */
export type CallResult<D> = CallSuccess<D> | CallFailure;

/** The data of a task's `QUEUED` acknowledgment (`enqueue`, `retry`). */
export interface TaskAck {
  queue_id: string;
  response_url: string;
  status_stream_url: string;
  stream_ticket_url: string;
  cancel_url: string;
  retry_url: string;
  /** Only in the first acknowledgment: the API's declared progress steps. */
  progress_steps?: Record<string, { label: string; percent: number }>;
}

/** The data of a successful cancel: cancelled at once (queued) or requested (running). */
export interface TaskCancelled {
  queue_id: string;
  job_status: 'cancelled' | 'cancel_requested';
}

/**
 * The data of a task that did not complete (`QUEUE_TASK_FAILED`, `QUEUE_TASK_CANCELLED`); `error`
 * is set for a failed one.
 */
export interface TaskFailureData {
  queue_id: string;
  job_status: 'failed' | 'cancelled';
  request_id: string;
  error?: { code: string; message: string };
}
