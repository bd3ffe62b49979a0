import type * as ts from 'typescript';
import { commaAfter, endOfTrailingComments, indentAt, replaceRange } from './typescript-source';

/** An array, an object or the braces of an import: a bracketed, comma-separated list. */
export type ListNode = ts.ArrayLiteralExpression | ts.ObjectLiteralExpression | ts.NamedImports;

/** The items of a list node, in order. */
export function listItems(list: ListNode): ts.NodeArray<ts.Node> {
  if ('elements' in list) return list.elements;
  return list.properties;
}

/**
 * Appends `element` after the last item of `list` without touching the rest: on one line when the
 * list is on one line, else on a line of its own at the last item's indent, after the comments
 * that end that item's line, keeping the list's trailing comma (or its absence).
 */
export function appendToList(source: string, list: ListNode, element: string): string {
  const items = listItems(list);
  const last = items.at(-1);
  const open = list.getStart() + 1;
  if (!last) return replaceRange(source, open, open, element);
  if (!source.slice(list.getStart(), list.getEnd()).includes('\n')) {
    return replaceRange(source, last.getEnd(), last.getEnd(), `, ${element}`);
  }
  const line = `\n${indentAt(source, last.getStart())}${element}`;
  const comma = commaAfter(source, last.getEnd());
  if (comma !== undefined) {
    const at = endOfTrailingComments(source, comma);
    return replaceRange(source, at, at, `${line},`);
  }
  const at = endOfTrailingComments(source, last.getEnd());
  const withComma = replaceRange(source, last.getEnd(), last.getEnd(), ',');
  return replaceRange(withComma, at + 1, at + 1, line);
}
