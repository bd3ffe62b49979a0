import type { RetryPolicy } from './retry-policy.js';
import type { MindoffRouteTable } from './route-table.type.js';

/** A `fetch` the client can call: the global one, or a wrapper (retries, logging, tests). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** A value, or a function giving it per request (e.g. a token that is refreshed). */
export type PerRequest<T> = T | (() => T | Promise<T>);

/**
 * Options of `createMindoffClient()`.
 *
 * @example
 * createMindoffClient<AppApis>({ baseUrl: 'https://shop.example.com', token: () => session.token });
 */
export interface MindoffClientOptions {
  /**
   * Where the app is served: origin and any path a proxy puts in front (`https://host`,
   * `https://host/shop`); the route table's paths are appended to it. Default in a browser: the
   * page's origin.
   */
  baseUrl?: string;
  /** A bearer token, sent as `Authorization: Bearer <token>` (nothing when it gives undefined). */
  token?: PerRequest<string | undefined>;
  /** Headers of every request (cookies in Node, a CSRF header…); a call's own headers win. */
  headers?: PerRequest<Record<string, string>>;
  /** The fetch to use. Default `globalThis.fetch`. */
  fetch?: FetchLike;
  /** `fetch`'s credentials mode in browsers, e.g. `'include'` to send cookies to another origin. */
  credentials?: RequestInit['credentials'];
  /** Each request's timeout in ms (a status stream's: the longest silence). Default 30 000. */
  timeoutMs?: number;
  /**
   * Where each API version is served. Without it, the client fetches the app's route table once,
   * from `manifestPath` (served with `MindoffModule.forRoot({ clientManifest: true })`).
   */
  routes?: MindoffRouteTable;
  /** Where the app serves its route table. Default `/mindoff/apis/` (after a global prefix: `/api/mindoff/apis/`). */
  manifestPath?: string;
  /**
   * Where the task endpoints are served. Default: the route table's (from the manifest), else
   * `/mindoff/queue` (after a global prefix: `/api/mindoff/queue`).
   */
  taskBase?: string;
  /** How many times in a row a dropped status stream is reopened before giving up. Default 5. */
  streamRetries?: number;
  /**
   * How calls to APIs that honour an `Idempotency-Key` are retried (with the call's key, so the
   * app runs each call at most once). Default `{ attempts: 3, backoffMs: 200 }`; `false` never
   * retries. Other calls are never retried.
   */
  retry?: RetryPolicy | false;
}
