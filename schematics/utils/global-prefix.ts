import type { Tree } from '@angular-devkit/schematics';
import { posix } from 'node:path';
import { readTextOrNull, type HostProject } from './project';
import { indexInCode } from './source-scanner';

/** `('api'`, `("api"` or `` (`api` ``: a string literal without interpolation, as the first argument. */
const LITERAL_ARGUMENT = /^\(\s*(?:'([^'\\]*)'|"([^"\\]*)"|`([^`\\$]*)`)\s*[,)]/;

/**
 * The global prefix the app's main.ts sets (`app.setGlobalPrefix('api')`), as Nest mounts it:
 * `/api`, with one leading slash and none at the end. `''` when there is no main.ts, it sets no
 * prefix, or sets one that is not a string literal.
 *
 * @example
 * // src/main.ts: app.setGlobalPrefix('/api/');
 * globalPrefix(tree, host); // '/api'
 */
export function globalPrefix(tree: Tree, host: HostProject): string {
  const main = readTextOrNull(tree, posix.join(host.sourceRoot, 'main.ts')) ?? '';
  const call = '.setGlobalPrefix';
  const at = indexInCode(main, call);
  if (at === -1) return '';
  const literal = LITERAL_ARGUMENT.exec(main.slice(at + call.length).trimStart());
  const prefix = (literal?.[1] ?? literal?.[2] ?? literal?.[3] ?? '').replace(/^\/+|\/+$/g, '');
  return prefix === '' ? '' : `/${prefix}`;
}
