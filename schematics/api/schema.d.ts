import type { NestCliOptions } from '../utils/project';

/** Options of `nest g -c mindoff api <app>/<api_name>`. */
export interface ApiOptions extends NestCliOptions {
  /** `orders/create_order`, or `create_order` (the app is then asked for in a terminal). */
  name?: string;
  /** The API's processMode: `direct` (default) or `queue`. */
  type?: string;
  /**
   * The URL patterns after `/v<n>/<app>/`, comma-separated, e.g. `get_order/:order_id/, order/<int:order_id>`
   * (default `<api_name>/`).
   */
  url?: string;
  /**
   * The API's HTTP method: `GET`, `POST`, `PUT`, `PATCH` or `DELETE`, or `auto` (the default) for
   * the one its name suggests (asked in a terminal, as the schema's `x-prompt`).
   */
  method?: string;
}
