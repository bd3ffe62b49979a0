import { stringLiteral, valueKey } from './ts-names';

/** A value the generated module writes as a literal: a `Map` is an object, keys in order. */
export type LiteralValue =
  string | number | boolean | null | readonly LiteralValue[] | ReadonlyMap<string, LiteralValue>;

/** How wide a line may grow before an object or list is broken over several lines. */
const WIDTH = 80;

/**
 * The source of `value` as a literal whose first line starts `lead` characters after `indent`:
 * strings through `stringLiteral`, keys through `valueKey`. An object holding objects is written one
 * key per line; other objects and lists stay on one line when it fits, else one entry per line.
 *
 * @example
 * printValue(new Map([['method', 'GET'], ['paths', ['/v1/a/']]]), ''); // '{ method: "GET", paths: ["/v1/a/"] }'
 */
export function printValue(value: LiteralValue, indent: string, lead = 0): string {
  if (value === null || typeof value !== 'object') return primitive(value);
  const inner = `${indent}  `;
  const isList = Array.isArray(value);
  const items: string[] = isList
    ? (value as readonly LiteralValue[]).map((v) => printValue(v, inner))
    : [...(value as ReadonlyMap<string, LiteralValue>)].map(
        ([key, v]) => `${valueKey(key)}: ${printValue(v, inner, valueKey(key).length + 2)}`,
      );
  const [open, close] = isList ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return `${open}${close}`;
  const nested = !isList && [...(value as ReadonlyMap<string, LiteralValue>).values()].some(isMap);
  const oneLine = isList ? `[${items.join(', ')}]` : `{ ${items.join(', ')} }`;
  // The line also holds what follows the value (`,` or `;`).
  if (!nested && !oneLine.includes('\n') && indent.length + lead + oneLine.length + 1 <= WIDTH) {
    return oneLine;
  }
  return `${open}\n${items.map((item) => `${inner}${item},`).join('\n')}\n${indent}${close}`;
}

function isMap(value: LiteralValue): boolean {
  return value instanceof Map;
}

function primitive(value: string | number | boolean | null): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return String(value);
}
