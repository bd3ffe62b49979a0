import type { NestCliOptions } from '../utils/project';

/** Options of `nest g -c mindoff app <name>`. */
export interface AppOptions extends NestCliOptions {
  /** The app name in snake_case; also its route segment (`/v<n>/<name>/...`). */
  name?: string;
}
