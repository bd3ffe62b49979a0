import type { PassportStatic } from 'passport';
import { passportMissing } from '../mindoff.messages';
import { loadOptionalPeer } from '../optional-peer';

let loaded: PassportStatic | undefined;

/**
 * passport, loaded on first use: it is an optional peer, needed only by apps whose APIs declare
 * `auth`. Missing, it fails with the install command.
 */
export function loadPassport(): PassportStatic {
  if (!loaded) {
    const module = loadOptionalPeer<PassportStatic & { default?: PassportStatic }>(
      'passport',
      passportMissing,
    );
    loaded = module.default ?? module;
  }
  return loaded;
}
