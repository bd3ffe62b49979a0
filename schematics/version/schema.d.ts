import type { NestCliOptions } from '../utils/project';

/** Options of `nest g -c mindoff version <app>/<api_name>`. */
export interface VersionOptions extends NestCliOptions {
  /** The API to add a version to, e.g. `orders/create_order`. */
  name?: string;
  type?: string;
  /** Mark the version before the new one deprecated (asked in a terminal when not given). */
  deprecatePrevious?: boolean;
  /** `YYYY-MM-DD`: the previous version's sunset date (implies `deprecatePrevious`). */
  sunset?: string;
}
