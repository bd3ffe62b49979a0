import {
  conflictingParamTypes,
  differentPathParams,
  invalidUrlPattern,
  repeatedPathParam,
  sameUrls,
} from '../utils/messages';

/** How a path parameter is declared in `params`: the shorthand a pattern's converter maps to. */
export type PathParamType = 'String' | 'Int';

/** One `:name` of the URL patterns, with the type `params` declares it with. */
export interface PathParam {
  name: string;
  type: PathParamType;
}

/** The URL patterns of an API, after `/v<n>/<app>/`, and the path parameters they share. */
export interface UrlPatterns {
  /** `['get_order/:order_id', ':order_id']`: Nest's syntax, no slash at either end. */
  patterns: string[];
  /** In order of first appearance. */
  params: PathParam[];
}

/** The original's converters (`<int:order_id>`) and what each becomes in `params`. */
const CONVERTERS: Record<string, PathParamType> = {
  int: 'Int',
  str: 'String',
  slug: 'String',
  uuid: 'String',
};

const LITERAL = /^[A-Za-z0-9_-]+$/;
const NEST_PARAM = /^:([A-Za-z_][A-Za-z0-9_]*)$/;
const CONVERTED_PARAM = /^<([a-z]+):([A-Za-z_][A-Za-z0-9_]*)>$/;

/**
 * Reads comma-separated URL patterns (`get_order/<int:order_id>/, :order_id`) into Nest's syntax
 * and their path parameters: `:name` is a `String`, the original's `<int:name>` an `Int` (`<str:…>`,
 * `<slug:…>` and `<uuid:…>` a `String`). Returns the message to show when the answer cannot be
 * used: a malformed or repeated pattern, or patterns whose parameters differ (one `params`
 * declaration serves them all).
 *
 * @example
 * readUrlPatterns('get_order/<int:order_id>/, :order_id');
 * // { patterns: ['get_order/:order_id', ':order_id'], params: [{ name: 'order_id', type: 'Int' }] }
 */
export function readUrlPatterns(input: string): UrlPatterns | string {
  const parsed: { pattern: string; params: { name: string; type?: PathParamType }[] }[] = [];
  for (const raw of input.split(',').map((part) => part.trim())) {
    const one = readPattern(raw);
    if (typeof one === 'string') return one;
    const same = parsed.find((seen) => shape(seen.pattern) === shape(one.pattern));
    if (same) return sameUrls(same.pattern, one.pattern);
    parsed.push(one);
  }
  const names = (index: number) => parsed[index].params.map((param) => param.name).sort();
  const different = parsed.findIndex((_, i) => names(i).join() !== names(0).join());
  if (different !== -1) {
    return differentPathParams(parsed[0].pattern, parsed[different].pattern);
  }
  const all = parsed.flatMap((one) => one.params);
  const params: PathParam[] = [];
  for (const { name } of parsed[0].params) {
    const types = new Set(all.filter((p) => p.name === name && p.type).map((p) => p.type));
    if (types.size > 1) return conflictingParamTypes(name);
    params.push({ name, type: [...types][0] ?? 'String' });
  }
  return { patterns: parsed.map((one) => one.pattern), params };
}

/** What the router matches: `Orders/:id` and `orders/:order_id` answer the same URLs. */
function shape(pattern: string): string {
  return pattern.toLowerCase().replace(/:[a-z_][a-z0-9_]*/g, ':');
}

/** One pattern, trimmed of slashes, in Nest's syntax, with its parameters (typed when converted). */
function readPattern(
  input: string,
): { pattern: string; params: { name: string; type?: PathParamType }[] } | string {
  const trimmed = input.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return invalidUrlPattern(input);
  const segments: string[] = [];
  const params: { name: string; type?: PathParamType }[] = [];
  for (const segment of trimmed.split('/')) {
    const plain = NEST_PARAM.exec(segment);
    const converted = CONVERTED_PARAM.exec(segment);
    const type = converted ? CONVERTERS[converted[1]] : undefined;
    const name = plain?.[1] ?? (type ? converted?.[2] : undefined);
    if (name !== undefined) {
      if (params.some((param) => param.name === name)) return repeatedPathParam(name, input);
      params.push({ name, ...(type && { type }) });
      segments.push(`:${name}`);
    } else if (LITERAL.test(segment)) {
      segments.push(segment);
    } else {
      return invalidUrlPattern(input);
    }
  }
  return { pattern: segments.join('/'), params };
}
