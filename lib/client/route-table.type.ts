/**
 * How a client reaches one version of an API, as the router serves it.
 *
 * @example
 * { method: 'GET', paths: ['/api/v1/orders/get_order/:order_id/', '/api/v1/orders/:order_id/'], queued: false }
 */
export interface MindoffRoute {
  /** The declared method, e.g. `POST`. */
  method: string;
  /**
   * Every pattern it is served at, global prefix and `RouterModule` path included, with a
   * trailing slash and `:name` for each path parameter.
   */
  paths: string[];
  /** Whether it runs in queue mode (answers `QUEUED` and runs as a task). */
  queued: boolean;
  /**
   * Present when it honours an `Idempotency-Key` (`required`: it refuses calls without one); the
   * client then sends a key with every call and may retry the call with it.
   */
  idempotency?: { required: boolean };
  /**
   * Present when it reads `multipart/form-data` (it declares `files`): its file fields. The client
   * then sends every call as a form, the payload as its text fields.
   */
  files?: string[];
}

/**
 * Where each API version is served, by urlName then version.
 *
 * @example
 * { orders__create_order: { '1': { method: 'POST', paths: ['/v1/orders/create_order/'], queued: false } } }
 */
export type MindoffRouteTable = Record<string, Record<string, MindoffRoute>>;

/** What `GET /mindoff/apis/` answers as the `data` of its `SUCCESS` envelope. */
export interface MindoffClientManifest {
  /** Every API version the app serves. */
  apis: MindoffRouteTable;
  /** Where the task endpoints are served (`/api/mindoff/queue`), or null without queue-mode APIs. */
  taskBase: string | null;
}
