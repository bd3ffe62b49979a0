import proxyaddr from 'proxy-addr';
import type { MindoffModuleOptions } from '../interfaces/mindoff-module-options.interface';
import type { TrustProxy } from '../interfaces/resolved-mindoff-options.interface';
import { badTrustProxy } from '../mindoff.messages';

const TRUST_ALL: TrustProxy = () => true;
const TRUST_NONE: TrustProxy = () => false;

/**
 * `trustProxy` compiled once into the test express applies for `trust proxy`: `true` trusts every
 * hop, a number N the N hops nearest the server, a string or list names addresses, CIDR ranges or
 * `loopback` / `linklocal` / `uniquelocal` (a string may list several, comma-separated), and a
 * function decides itself. Ranges are compiled by `proxy-addr`, the package express uses; what it
 * cannot read is added to `problems`, so the app stops at startup naming the option.
 *
 * @example
 * resolveTrustProxy('loopback, 10.0.0.0/8', [])('10.1.2.3', 0); // true
 */
export function resolveTrustProxy(
  given: MindoffModuleOptions['trustProxy'],
  problems: string[],
): TrustProxy {
  const value: unknown = given;
  if (value === undefined || value === false) return TRUST_NONE;
  if (value === true) return TRUST_ALL;
  if (typeof value === 'function') return value as TrustProxy;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return (_address, hop) => hop < value;
    problems.push(badTrustProxy(value, 'a hop count must be a whole number >= 0'));
    return TRUST_NONE;
  }
  const list =
    typeof value === 'string'
      ? value.split(',').map((entry) => entry.trim())
      : Array.isArray(value) && value.every((entry) => typeof entry === 'string')
        ? (value as string[]).map((entry) => entry.trim())
        : undefined;
  if (list === undefined) {
    problems.push(
      badTrustProxy(value, 'it must be a boolean, a number, a string or a list of strings'),
    );
    return TRUST_NONE;
  }
  const entries = list.filter((entry) => entry !== '');
  if (entries.length === 0) return TRUST_NONE;
  try {
    return proxyaddr.compile(entries);
  } catch (error) {
    problems.push(badTrustProxy(value, (error as Error).message));
    return TRUST_NONE;
  }
}
