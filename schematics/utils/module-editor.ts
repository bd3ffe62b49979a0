import { SchematicsException } from '@angular-devkit/schematics';
import { noModuleDecorator, notAnArrayLiteral } from './messages';
import {
  findClosing,
  hasComment,
  indentAt,
  lineAround,
  topLevelItems,
  type Item,
  type Span,
} from './source-scanner';

/** Prettier's default, which Nest apps use: edits wrap where prettier would. */
const PRINT_WIDTH = 80;

const IMPORT_STATEMENT = /^import\b(?:[^'"]*?\bfrom\s*)?(['"])[^'"\n]*\1;?/gm;

/**
 * Adds `import { symbol } from 'specifier';` after the file's last import, or the symbol to an
 * existing import from the same specifier. Returns the text unchanged when it already imports it.
 */
export function addNamedImport(source: string, symbol: string, specifier: string): string {
  let lastEnd = 0;
  for (const match of source.matchAll(IMPORT_STATEMENT)) {
    const statement = match[0];
    lastEnd = match.index + statement.length;
    const named = /^import\s*\{([^}]*)\}\s*from\s*(['"])([^'"]*)\2/.exec(statement);
    if (!named || named[3] !== specifier) continue;
    const names = named[1]
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    if (names.some((name) => name.replace(/^type\s+/, '').split(/\s+as\s+/)[0] === symbol)) {
      return source;
    }
    const replacement = renderImport([...names, symbol], specifier, named[2]);
    return source.slice(0, match.index) + replacement + source.slice(lastEnd);
  }
  const line = renderImport([symbol], specifier, "'");
  return lastEnd === 0
    ? `${line}\n${source}`
    : `${source.slice(0, lastEnd)}\n${line}${source.slice(lastEnd)}`;
}

/**
 * Adds `element` to the `property` array (`imports`, `controllers`...) of the file's
 * `@Module({ ... })`, unless an item named `key` is already there (so reruns change nothing).
 */
export function addToModuleArray(
  source: string,
  file: string,
  property: string,
  element: string,
  key: string,
): string {
  const decorator = /@Module\s*\(\s*/.exec(source);
  const objectOpen = decorator ? decorator.index + decorator[0].length : -1;
  const objectClose = source[objectOpen] === '{' ? findClosing(source, objectOpen) : -1;
  if (objectClose === -1) throw new SchematicsException(noModuleDecorator(file, key));
  const object = { open: objectOpen, close: objectClose };
  const entry = topLevelItems(source, object).find((item) =>
    new RegExp(`^['"]?${property}['"]?\\s*:`).test(item.text),
  );
  if (!entry) return insertProperty(source, object, `${property}: [${element}]`);
  const arrayOpen = /:\s*\[/.exec(entry.text);
  if (!arrayOpen) throw new SchematicsException(notAnArrayLiteral(file, property, key));
  const open = entry.start + arrayOpen.index + arrayOpen[0].length - 1;
  const array = { open, close: findClosing(source, open) };
  const items = topLevelItems(source, array);
  if (items.some((item) => leadingIdentifier(item.text) === key)) return source;
  return appendItem(source, array, items, element);
}

function appendItem(source: string, array: Span, items: Item[], element: string): string {
  const texts = [...items.map((item) => item.text), element];
  if (hasComment(source, array) || texts.some((text) => text.includes('\n'))) {
    return appendToList(source, array, items, element);
  }
  const before = lineAround(source, array.open).before;
  const after = lineAround(source, array.close + 1).after;
  const single = `[${texts.join(', ')}]`;
  if (before.length + single.length + after.length <= PRINT_WIDTH) {
    return source.slice(0, array.open) + single + source.slice(array.close + 1);
  }
  const indent = indentAt(source, array.open);
  const lines = texts.map((text) => `${indent}  ${text},`).join('\n');
  return `${source.slice(0, array.open)}[\n${lines}\n${indent}]${source.slice(array.close + 1)}`;
}

/**
 * Appends `element` after the last item of an array or object literal without touching the rest,
 * on a line of its own when the literal spans lines.
 */
export function appendToList(source: string, array: Span, items: Item[], element: string): string {
  const last = items.at(-1);
  if (!last) return `${source.slice(0, array.open + 1)}${element}${source.slice(array.open + 1)}`;
  const multiline = source.slice(array.open, array.close).includes('\n');
  const rest = source.slice(last.end, array.close);
  const comma = rest.trimStart().startsWith(',') ? last.end + rest.indexOf(',') + 1 : -1;
  if (!multiline) return insertAt(source, last.end, `, ${element}`);
  const indent = indentAt(source, last.start);
  return comma === -1
    ? insertAt(source, last.end, `,\n${indent}${element}`)
    : insertAt(source, comma, `\n${indent}${element},`);
}

function insertProperty(source: string, object: Span, entry: string): string {
  const inner = source.slice(object.open + 1, object.close);
  if (inner.trim() === '') {
    return `${source.slice(0, object.open)}{ ${entry} }${source.slice(object.close + 1)}`;
  }
  if (!inner.includes('\n')) return insertAt(source, object.open + 1, ` ${entry},`);
  const first = topLevelItems(source, object)[0];
  return insertAt(source, object.open + 1, `\n${indentAt(source, first.start)}${entry},`);
}

/** `import { a, b } from 'x';`, wrapped one name a line where prettier would wrap it. */
export function renderImport(names: string[], specifier: string, quote: string): string {
  const line = `import { ${names.join(', ')} } from ${quote}${specifier}${quote};`;
  // Prettier keeps a lone specifier on one line, however long.
  if (line.length <= PRINT_WIDTH || names.length === 1) return line;
  return `import {\n${names.map((name) => `  ${name},`).join('\n')}\n} from ${quote}${specifier}${quote};`;
}

function leadingIdentifier(text: string): string | undefined {
  return /^(?:\.\.\.)?([A-Za-z_$][\w$]*)/.exec(text)?.[1];
}

function insertAt(source: string, index: number, text: string): string {
  return source.slice(0, index) + text + source.slice(index);
}
