import { SchematicsException } from '@angular-devkit/schematics';
import { invalidSunset } from '../utils/messages';
import type { VersionOptions } from './schema';

/** Whether to mark the previous version deprecated, and its sunset date if any. */
export interface DeprecationRequest {
  /** `YYYY-MM-DD`: after it, the version may stop answering. */
  sunset?: string;
}

/**
 * Reads `--deprecate-previous` and `--sunset` (which the Nest CLI asks for in a terminal, the
 * schema's prompts; a blank sunset is none). A sunset date deprecates the previous version: the
 * schema's default makes `--deprecate-previous` false whenever it is not given, so a false cannot
 * say no to a date. Undefined: leave the previous version as it is.
 */
export function resolveDeprecation(options: VersionOptions): DeprecationRequest | undefined {
  const { deprecatePrevious } = options;
  const sunset = options.sunset?.trim() || undefined;
  if (sunset !== undefined && !isIsoDate(sunset)) {
    throw new SchematicsException(invalidSunset(sunset));
  }
  if (deprecatePrevious || sunset !== undefined) return sunset === undefined ? {} : { sunset };
  return undefined;
}

/** `2027-06-30`: a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
