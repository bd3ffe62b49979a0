import type { RawExchange } from '../support/raw-exchange';

/** What internal error text looks like in an answer: error names, V8's overflow, stack frames, paths. */
const LEAKS: [string, RegExp][] = [
  ['RangeError', /RangeError/],
  ['Maximum call stack', /Maximum call stack/i],
  ['a stack frame', /(?:^|\\n|\n) {4}at \S/],
  [
    'a file path',
    /(?:\/|\\\\)(?:node_modules|lib|dist|src|test)(?:\/|\\\\)|[\w-]+\.(?:[cm]?[jt]s):\d+/,
  ],
];

/**
 * The internal error text an answer carries, named (`'RangeError: …'`), or undefined when it has
 * none: its body and every header value are read as text. An answer may name what it refused,
 * never how the server failed.
 *
 * @example
 * internalText(answer); // 'a stack frame: "    at parse (lib/x.ts:3:7)"'
 */
export function internalText(answer: Pick<RawExchange, 'body' | 'headers'>): string | undefined {
  const text = [answer.body.toString('utf8'), ...Object.values(answer.headers)].join('\n');
  for (const [name, pattern] of LEAKS) {
    const found = pattern.exec(text);
    if (found) {
      const at = Math.max(0, found.index - 40);
      return `${name}: ${JSON.stringify(text.slice(at, found.index + 80))}`;
    }
  }
  return undefined;
}
