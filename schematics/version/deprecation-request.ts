import { SchematicsException } from '@angular-devkit/schematics';
import { invalidSunset, sunsetWithoutDeprecation, yesOrNo } from '../utils/messages';
import { askUntil, type Prompter } from '../utils/prompter';
import type { VersionOptions } from './schema';

const ANSWERS: Record<string, boolean> = { '': false, n: false, no: false, y: true, yes: true };

/** Whether to mark the previous version deprecated, and its sunset date if any. */
export interface DeprecationRequest {
  /** `YYYY-MM-DD`: after it, the version may stop answering. */
  sunset?: string;
}

/**
 * Reads `--deprecate-previous` and `--sunset`; in a terminal, when neither was given, asks
 * whether to deprecate version `previous` and then its sunset date. Undefined: leave it as is.
 */
export async function resolveDeprecation(
  options: VersionOptions,
  previous: number,
  prompter: Prompter | null,
): Promise<DeprecationRequest | undefined> {
  const { deprecatePrevious, sunset } = options;
  if (sunset !== undefined && !isIsoDate(sunset)) {
    throw new SchematicsException(invalidSunset(sunset));
  }
  if (deprecatePrevious === false && sunset !== undefined) {
    throw new SchematicsException(sunsetWithoutDeprecation());
  }
  if (deprecatePrevious || sunset !== undefined) return sunset === undefined ? {} : { sunset };
  if (deprecatePrevious === false || !prompter) return undefined;
  const deprecate = await askUntil(
    prompter,
    `Mark version ${previous} deprecated? (y/N): `,
    (answer) => ANSWERS[answer.toLowerCase()],
    yesOrNo,
  );
  if (!deprecate) return undefined;
  const date = await askUntil(
    prompter,
    `Sunset date of version ${previous}, after which it may stop answering (YYYY-MM-DD, blank for none): `,
    (answer) => (answer === '' || isIsoDate(answer) ? answer : undefined),
    invalidSunset,
  );
  return date === '' ? {} : { sunset: date };
}

/** `2027-06-30`: a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
