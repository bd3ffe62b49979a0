import type { Envelope } from '../responses';
import type { QueueTestMode } from './queue-test-mode';

/** A query string value: repeated keys as arrays. */
export type QueryValue = string | number | boolean | readonly (string | number | boolean)[];

/** How `MindoffTestApp.call()` calls an API. */
export interface ApiCallOptions {
  /** The version to call (`/v<version>/...`); one the API does not have answers INVALID_API_VERSION. */
  version: number;
  /** The JSON body; refused for GET and DELETE APIs, which read none. */
  payload?: unknown;
  /** The query string. */
  query?: Record<string, QueryValue>;
  /** Route parameters of a custom path (`shop/items/:item_id` → `{ item_id: 7 }`). */
  params?: Record<string, string | number | boolean>;
  /**
   * Which of the version map's patterns to call (`'orders/:order_id'`); default the first.
   */
  pattern?: string;
  /** Authenticate as this user without credentials (the API must declare `auth`). */
  user?: unknown;
  /** Send `Authorization: Bearer <token>` (the API's real strategies check it). */
  token?: string;
  /** More request headers. */
  headers?: Record<string, string>;
  /** Another method than the declared one, e.g. to check INVALID_METHOD. */
  method?: string;
  /** Queue-mode APIs: the app's mode, stated (an app built for the other mode refuses). */
  queue?: QueueTestMode;
  /** With `queue: 'wait'`: how long to wait for the task. Default 4000 ms. */
  waitMs?: number;
}

/** An API's answer as a test reads it. */
export interface ApiAnswer {
  /** `GET /v1/orders/create_order/`: what was called, for messages. */
  request: string;
  httpStatus: number;
  headers: Headers;
  /** The parsed JSON body (an envelope on every mindoff JSON answer), or undefined when not JSON. */
  body: Envelope | undefined;
  /** The raw body. */
  text: string;
}
