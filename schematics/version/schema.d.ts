import type { NestCliOptions } from '../utils/project';

/** Options of `nest g -c mindoff version <app>/<api_name>`. */
export interface VersionOptions extends NestCliOptions {
  /** The API to add a version to, e.g. `orders/create_order`. */
  name?: string;
  type?: string;
}
