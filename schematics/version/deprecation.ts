import { SchematicsException } from '@angular-devkit/schematics';
import { apiField } from '../api/api-fields';
import { flat, quote } from '../utils/layout';
import { noApiDeclaration } from '../utils/messages';
import { appendToList } from '../utils/module-editor';
import {
  findClosing,
  lineAround,
  topLevelItems,
  type Item,
  type Span,
} from '../utils/source-scanner';

const DEPRECATED = /^['"]?deprecated['"]?\s*:\s*/;
const SUNSET = /^['"]?sunset['"]?\s*:\s*/;

/**
 * `className`'s source with `deprecated: true` (or `{ sunset: '<date>' }`) in its
 * `@MindoffApi({ ... })`: the commented-out default line set, an existing value completed (a
 * sunset added to its object), or the field added. Unchanged when it already says so.
 */
export function markDeprecated(
  source: string,
  className: string,
  sunset: string | undefined,
  file: string,
): string {
  const declaration = declarationOf(source, className);
  if (!declaration) throw new SchematicsException(noApiDeclaration(file, className));
  const value = sunset === undefined ? 'true' : `{ sunset: ${quote(sunset)} }`;
  const item = topLevelItems(source, declaration).find((it) => DEPRECATED.test(it.text));
  if (item) return withValue(source, item, value, sunset);
  const commented = /^([ \t]*)\/\/[ \t]*deprecated:[ \t]*false,?/gm;
  commented.lastIndex = declaration.open;
  const line = commented.exec(source);
  if (line && line.index < declaration.close) {
    return replace(
      source,
      line.index,
      line.index + line[0].length,
      `${line[1]}deprecated: ${value},`,
    );
  }
  const items = topLevelItems(source, declaration);
  return appendToList(source, declaration, items, `deprecated: ${value}`);
}

/**
 * `className`'s source with its `deprecated` field back at the commented-out default (a new
 * version is not deprecated, whatever the version it copies says).
 */
export function clearDeprecated(source: string, className: string): string {
  const declaration = declarationOf(source, className);
  const items = declaration ? topLevelItems(source, declaration) : [];
  const index = items.findIndex((it) => DEPRECATED.test(it.text));
  if (index === -1) return source;
  const item = items[index];
  if (lineAround(source, item.start).before.trim() === '' && !restOfLineHasCode(source, item.end)) {
    return replace(
      source,
      item.start,
      item.end,
      `// deprecated: ${flat(apiField('deprecated').default ?? false)}`,
    );
  }
  // Sharing its line with other fields, it cannot become a comment: it goes with its comma.
  const next = items[index + 1];
  return next
    ? replace(source, item.start, next.start, '')
    : replace(source, items[index - 1]?.end ?? item.start, item.end, '');
}

/** The span of the `@MindoffApi({ ... })` object decorating `class <className>`. */
function declarationOf(source: string, className: string): Span | undefined {
  const cls = new RegExp(`\\bclass\\s+${className}\\b`).exec(source);
  if (!cls) return undefined;
  const decorator = [...source.slice(0, cls.index).matchAll(/@MindoffApi\s*\(\s*/g)].at(-1);
  if (!decorator) return undefined;
  const open = decorator.index + decorator[0].length;
  const close = source[open] === '{' ? findClosing(source, open) : -1;
  if (close === -1 || /\bclass\b/.test(source.slice(close, cls.index))) return undefined;
  return { open, close };
}

function withValue(source: string, item: Item, value: string, sunset: string | undefined): string {
  const current = item.text.replace(DEPRECATED, '');
  const start = item.end - current.length;
  if (current === value || (sunset === undefined && current !== 'false')) return source;
  if (sunset === undefined || !current.startsWith('{'))
    return replace(source, start, item.end, value);
  const object = { open: start, close: item.end - 1 };
  const fields = topLevelItems(source, object);
  if (fields.length === 0) return replace(source, start, item.end, value);
  const dated = fields.find((field) => SUNSET.test(field.text));
  if (!dated) return appendToList(source, object, fields, `sunset: ${quote(sunset)}`);
  const date = dated.text.replace(SUNSET, '');
  return replace(source, dated.end - date.length, dated.end, quote(sunset));
}

function restOfLineHasCode(source: string, index: number): boolean {
  return !/^\s*,?\s*(\/\/.*)?$/.test(lineAround(source, index).after);
}

function replace(source: string, start: number, end: number, text: string): string {
  return source.slice(0, start) + text + source.slice(end);
}
