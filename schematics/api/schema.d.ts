import type { NestCliOptions } from '../utils/project';

/** Options of `nest g -c mindoff api <app>/<api_name>`. */
export interface ApiOptions extends NestCliOptions {
  /** `orders/create_order`, or `create_order` (the app is then asked for in a terminal). */
  name?: string;
  /** The API's processMode: `direct` (default) or `queue`. */
  type?: string;
  /** The URL pattern after `/v<n>/<app>/`, e.g. `create_order/:order_id/` (default `<api_name>/`). */
  url?: string;
}
