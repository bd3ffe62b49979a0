import type { NestCliOptions } from '../utils/project';
import type { ApiMethod, SUGGESTED_METHOD } from './api-method';

/** Options of `nest g -c mindoff api <app>/<api_name>`. */
export interface ApiOptions extends NestCliOptions {
  /** `orders/create_order`, or `create_order` (the app is then asked for in a terminal). */
  name?: string;
  /** The API's processMode: `direct` (default) or `queue`. */
  type?: 'direct' | 'queue';
  /**
   * The URL patterns after `/v<n>/<app>/`, comma-separated, e.g. `get_order/:order_id/, order/<int:order_id>`
   * (default, or blank: `<api_name>/`).
   */
  url?: string;
  /**
   * The API's HTTP method: `GET`, `POST`, `PUT`, `PATCH` or `DELETE`, or `auto` (the default) for
   * the one its name suggests.
   */
  method?: ApiMethod | typeof SUGGESTED_METHOD;
}
