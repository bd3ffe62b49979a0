import type { PassportStatic } from 'passport';

let loaded: PassportStatic | undefined;

/**
 * passport, loaded on first use: it is an optional peer, needed only by apps whose APIs declare
 * `auth`. Missing, it fails with the install command.
 */
export function loadPassport(): PassportStatic {
  if (!loaded) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require('passport') as PassportStatic & { default?: PassportStatic };
      loaded = module.default ?? module;
    } catch {
      throw new Error(
        "mindoff: an API declares `auth`, which uses passport strategies; install them with `npm install passport @nestjs/passport` and the strategy's package (e.g. passport-jwt).",
      );
    }
  }
  return loaded;
}
