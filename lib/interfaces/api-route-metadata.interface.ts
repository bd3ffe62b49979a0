/** Where one API version is served; written on the class by `MindoffVersions.register()`. */
export interface ApiRouteMetadata {
  version: number;
  /** The (first) path after the version segment, e.g. `orders/create_order`. */
  apiPath: string;
  /** Every pattern the version is served at (`['orders/get_order/:order_id', 'orders/:order_id']`). */
  apiPaths: string[];
  /** Every version registered in the same map, in order. */
  versions: number[];
}
