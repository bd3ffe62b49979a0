import { callArguments, sourceCode, type LiteralValue } from '../utils/layout';

/** The value generated specs give every path parameter: valid for `Int` and `String` alike. */
export const SAMPLE_PARAM = 1;

/**
 * The arguments of the specs' `app.call(...)` of `version`, with a sample value for each path
 * parameter, as prettier lays them out.
 */
export function appCallArguments(urlName: string, version: number, params: string[]): string {
  const options: Record<string, LiteralValue> = {
    version,
    ...(params.length > 0 && {
      params: Object.fromEntries(params.map((name) => [name, SAMPLE_PARAM])),
    }),
  };
  return callArguments('    const answer = await app.call(', [urlName, options]);
}

/** `/v1/orders/get_order/1/`: where version 1 answers at `path`, with sample path parameters. */
export function sampleUrl(path: string, version = 1): string {
  return `/v${version}/${path.replace(/:[A-Za-z_][A-Za-z0-9_]*/g, String(SAMPLE_PARAM))}/`;
}

/** One route the versions spec requests: its sample URL and the arguments of its `fetch(...)`. */
export interface SpecRoute {
  url: string;
  fetchArguments: string;
}

/**
 * The routes the versions spec requests version 1 at, with the API's method: one per URL
 * pattern, none when the API has only its default pattern.
 */
export function specRoutes(paths: string[] | undefined, method = 'GET'): SpecRoute[] {
  return (paths ?? []).map((path) => {
    const url = sampleUrl(path);
    const target = sourceCode(`\`\${app.url}${url}\``);
    const args = method === 'GET' ? [target] : [target, { method }];
    return { url, fetchArguments: callArguments('    const answer = await fetch(', args) };
  });
}
