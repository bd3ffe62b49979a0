/** Where one API version is served; written on the class by `MindoffVersions.register()`. */
export interface ApiRouteMetadata {
  version: number;
  /** The path after the version segment, e.g. `orders/create_order`. */
  apiPath: string;
  /** Every version registered in the same map, in order. */
  versions: number[];
}
