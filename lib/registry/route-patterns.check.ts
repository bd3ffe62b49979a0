import type { ApiRouteMetadata } from '../interfaces/api-route-metadata.interface';
import { duplicatePattern, paramNotDeclared, paramNotInPattern } from '../mindoff.messages';

/** The `:name` segments of a pattern, in order (`orders/:order_id` → `['order_id']`). */
export function patternParams(pattern: string): string[] {
  return pattern
    .split('/')
    .filter((segment) => segment.startsWith(':'))
    .map((segment) => segment.slice(1).replace(/[?*+]$/, ''));
}

/** A pattern as the router matches it: case folded, each parameter the same placeholder. */
function routeShape(pattern: string): string {
  return pattern
    .toLowerCase()
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (segment.startsWith(':') ? ':' : segment))
    .join('/');
}

/**
 * The problems of one API version's patterns against its `params`: each `:name` of every pattern
 * declared, and each declared parameter in every pattern (so `ctx.params` always has it). Patterns
 * without parameters need no `params`.
 *
 * @example
 * checkPatternParams('GetOrderV1Api', ['orders/:order_id'], { order_id: Int }); // []
 */
export function checkPatternParams(
  className: string,
  patterns: readonly string[],
  params: object | null | undefined,
): string[] {
  const declared = params ? Object.keys(params) : [];
  const problems: string[] = [];
  for (const pattern of patterns) {
    const names = patternParams(pattern);
    for (const name of names) {
      if (!declared.includes(name)) problems.push(paramNotDeclared(className, pattern, name));
    }
    for (const name of declared) {
      if (!names.includes(name)) problems.push(paramNotInPattern(className, pattern, name));
    }
  }
  return problems;
}

/**
 * Patterns two API versions (or one version twice) claim at the same version number: the router
 * would send every request to the first, so the second could never answer. Parameter names do not
 * tell patterns apart (`orders/:id` and `orders/:order_id` are the same route).
 *
 * @example
 * duplicatePatterns([{ className: 'A', route }, { className: 'B', route }]); // ['B: the pattern ...']
 */
export function duplicatePatterns(
  apis: readonly { className: string; route: ApiRouteMetadata }[],
): string[] {
  const owners = new Map<string, string>();
  const problems: string[] = [];
  for (const { className, route } of apis) {
    for (const pattern of new Set(route.apiPaths ?? [route.apiPath])) {
      const key = `v${route.version}/${routeShape(pattern)}`;
      const owner = owners.get(key);
      if (owner === undefined) owners.set(key, className);
      else
        problems.push(
          duplicatePattern(
            className,
            pattern,
            owner === className ? 'another of its own patterns' : owner,
          ),
        );
    }
  }
  return problems;
}
