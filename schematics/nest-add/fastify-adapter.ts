/**
 * `new FastifyAdapter()` or `new FastifyAdapter({ ... })` with
 * `routerOptions: { ignoreTrailingSlash: true }`, which mindoff needs on fastify. Returns the
 * text unchanged when it already says so or creates no adapter; `undefined` when the adapter's
 * options are not an object literal this can edit.
 */
export function tolerateTrailingSlash(main: string): string | undefined {
  const adapter = /new\s+FastifyAdapter\s*\(\s*/.exec(main);
  if (!adapter || /ignoreTrailingSlash\s*:\s*true/.test(main)) return main;
  const at = adapter.index + adapter[0].length;
  const option = 'routerOptions: { ignoreTrailingSlash: true }';
  if (main[at] === ')') return `${main.slice(0, at)}{ ${option} }${main.slice(at)}`;
  if (main[at] !== '{' || /routerOptions\s*:/.test(main)) return undefined;
  const rest = main.slice(at + 1);
  const multiline = /^\s*\n/.test(rest);
  const indent = multiline ? /^\s*\n([ \t]*)/.exec(rest)![1] : '';
  const inserted = multiline ? `\n${indent}${option},` : ` ${option},`;
  return `${main.slice(0, at + 1)}${inserted}${rest}`;
}
