import type { MindoffModuleOptions } from '../interfaces/mindoff-module-options.interface';
import { MindoffConfigurationError } from '../mindoff.messages';
import { ENVELOPE_MODES } from './envelope.constants';

/** Which plain routes answer in the envelope: those with `@MindoffEnvelope()`, or all of them. */
export type EnvelopeMode = (typeof ENVELOPE_MODES)[number];

/**
 * The `envelope` module option, `'decorated'` when not set; anything else stops the app at startup
 * with the fix.
 */
export function envelopeMode(options: MindoffModuleOptions): EnvelopeMode {
  const mode: unknown = options.envelope ?? 'decorated';
  if ((ENVELOPE_MODES as readonly unknown[]).includes(mode)) return mode as EnvelopeMode;
  throw new MindoffConfigurationError([
    `MindoffModule: envelope ${JSON.stringify(mode)} is not an option; use 'decorated' (only routes with @MindoffEnvelope(), the default) or 'all' (every plain route).`,
  ]);
}
