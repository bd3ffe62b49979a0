import type { QueryValue } from './api-shape.type.js';

const PARAM = /:([A-Za-z_$][\w$]*)/g;

/**
 * The `:name`s of a path pattern, in order.
 *
 * @example
 * patternParams('/v1/:shop/orders/:order_id/'); // ['shop', 'order_id']
 */
export function patternParams(pattern: string): string[] {
  return [...pattern.matchAll(PARAM)].map((match) => match[1]);
}

/**
 * The pattern to fill: the one whose `:params` are exactly the names given, else the first.
 *
 * @example
 * pickPattern(['/v1/orders/get_order/:order_id/', '/v1/orders/recent/'], ['order_id']); // the first
 */
export function pickPattern(paths: readonly string[], given: readonly string[]): string {
  const wanted = [...given].sort().join('\0');
  return paths.find((path) => patternParams(path).sort().join('\0') === wanted) ?? paths[0];
}

/**
 * A pattern with its `:params` filled (each value URI-encoded) and the query appended: lists as
 * repeated keys, `undefined` and `null` left out. Throws a `TypeError` naming a missing parameter.
 *
 * @example
 * fillPath('/v1/orders/:order_id/', { order_id: 42 }, { include_items: true, tag: ['a', 'b'] });
 * // '/v1/orders/42/?include_items=true&tag=a&tag=b'
 */
export function fillPath(
  pattern: string,
  params: Readonly<Record<string, unknown>>,
  query: Readonly<Record<string, QueryValue>> = {},
): string {
  const path = pattern.replace(PARAM, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) {
      throw new TypeError(`The path ${pattern} needs the parameter '${name}'; pass it in params.`);
    }
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const each of values) search.append(key, String(each));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
