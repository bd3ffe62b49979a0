/** Prettier's default width, which Nest apps use: generated code wraps where prettier would. */
export const PRINT_WIDTH = 80;

/** A value generated code writes as a literal: `'30/m'`, `[]`, `{ order_id: Int }`. */
export type LiteralValue =
  string | number | boolean | null | LiteralValue[] | { [key: string]: LiteralValue } | SourceCode;

/** Source text written as it is, e.g. the schema name `Int`. */
export class SourceCode {
  constructor(readonly code: string) {}
}

/** `Int` as a literal value: written as the source text itself. */
export function sourceCode(code: string): SourceCode {
  return new SourceCode(code);
}

/** The value on one line, as prettier prints it with single quotes: `{ order_id: Int }`. */
export function flat(value: LiteralValue): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return String(value);
  if (value instanceof SourceCode) return value.code;
  if (Array.isArray(value)) return `[${value.map(flat).join(', ')}]`;
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([key, item]) => `${key}: ${flat(item)}`).join(', ')} }`;
}

/**
 * The value as prettier lays it out where `before` characters precede it on its line and `after`
 * follow it (a comma, `);`): on one line when it fits, else an array or object one item a line,
 * each item laid out the same way at `indent` + 2.
 */
export function layout(value: LiteralValue, indent: string, before: number, after: number): string {
  const line = flat(value);
  if (before + line.length + after <= PRINT_WIDTH || value === null || typeof value !== 'object') {
    return line;
  }
  if (value instanceof SourceCode) return line;
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((item) => `${inner}${layout(item, inner, inner.length, 1)},`)
    : Object.entries(value).map(([key, item]) => {
        const lead = `${inner}${key}: `;
        return `${lead}${layout(item, inner, lead.length, 1)},`;
      });
  if (items.length === 0) return line;
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${items.join('\n')}\n${indent}${close}`;
}

/**
 * The arguments of a call as prettier lays them out between `lead` (the line up to and with the
 * opening parenthesis) and `);`: on one line when it fits; else hugging a last object argument
 * (`f('a', {` … `})`) when the line up to its brace fits; else one argument a line.
 *
 * @example
 * callArguments('    const answer = await app.call(', ['orders__get_order', { version: 1 }]);
 * // "'orders__get_order', { version: 1 }"
 */
export function callArguments(lead: string, args: LiteralValue[]): string {
  const indent = /^[ \t]*/.exec(lead)![0];
  const line = args.map(flat).join(', ');
  if (lead.length + line.length + 2 <= PRINT_WIDTH) return line;
  const last = args.at(-1);
  const before = args
    .slice(0, -1)
    .map((arg) => `${flat(arg)}, `)
    .join('');
  if (isObject(last) && `${lead}${before}{`.length <= PRINT_WIDTH) {
    // Laid out as if nothing more fitted on the line: the hugged object opens, one key a line.
    return `${before}${layout(last, indent, PRINT_WIDTH, 0)}`;
  }
  const inner = `${indent}  `;
  const lines = args.map((arg) => `${inner}${layout(arg, inner, inner.length, 1)},`);
  return `\n${lines.join('\n')}\n${indent}`;
}

function isObject(value: LiteralValue | undefined): value is { [key: string]: LiteralValue } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof SourceCode) &&
    Object.keys(value).length > 0
  );
}

/** `'text'`, escaped for a single-quoted string. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * A doc comment at `indent`: `/** text *\/` on one line when it fits, else each paragraph
 * wrapped between words (a `code span` is never split).
 */
export function docComment(paragraphs: string | string[], indent = ''): string {
  const texts = typeof paragraphs === 'string' ? [paragraphs] : paragraphs;
  const line = `${indent}/** ${texts.join(' ')} */`;
  if (texts.length === 1 && line.length <= PRINT_WIDTH) return line;
  const lines = texts.flatMap((text) => wrap(text, `${indent} * `));
  return [`${indent}/**`, ...lines, `${indent} */`].join('\n');
}

/** One paragraph of a multi-line doc comment at `indent`: ` * ` lines wrapped between words. */
export function docLines(text: string, indent = ''): string {
  return wrap(text, `${indent} * `).join('\n');
}

function wrap(text: string, lead: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.match(/`[^`]*`\S*|\S+/g) ?? []) {
    const next = current === '' ? word : `${current} ${word}`;
    if (`${lead}${next}`.length > PRINT_WIDTH && current !== '') {
      lines.push(`${lead}${current}`);
      current = word;
    } else {
      current = next;
    }
  }
  return [...lines, `${lead}${current}`];
}
