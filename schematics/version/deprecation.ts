import { SchematicsException } from '@angular-devkit/schematics';
import * as ts from 'typescript';
import { apiField } from '../api/api-fields';
import { flat, quote } from '../utils/layout';
import { appendToList } from '../utils/list-editor';
import { noApiDeclaration } from '../utils/messages';
import {
  decoratorObject,
  findNode,
  lineAround,
  parseSource,
  propertyNamed,
  replaceRange,
} from '../utils/typescript-source';

/** The commented-out default line the api schematic writes for `deprecated`. */
const COMMENTED_DEFAULT = /^([ \t]*)\/\/[ \t]*deprecated:[ \t]*false,?/gm;

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
  const property = propertyNamed(declaration, 'deprecated');
  if (property && ts.isPropertyAssignment(property)) {
    return withValue(source, property.initializer, value, sunset);
  }
  COMMENTED_DEFAULT.lastIndex = declaration.getStart();
  const line = COMMENTED_DEFAULT.exec(source);
  if (line && line.index < declaration.getEnd()) {
    const end = line.index + line[0].length;
    return replaceRange(source, line.index, end, `${line[1]}deprecated: ${value},`);
  }
  return appendToList(source, declaration, `deprecated: ${value}`);
}

/**
 * `className`'s source with its `deprecated` field back at the commented-out default (a new
 * version is not deprecated, whatever the version it copies says).
 */
export function clearDeprecated(source: string, className: string): string {
  const declaration = declarationOf(source, className);
  const property = declaration && propertyNamed(declaration, 'deprecated');
  if (!declaration || !property) return source;
  const properties = declaration.properties;
  const index = properties.indexOf(property);
  const start = property.getStart();
  const end = property.getEnd();
  if (lineAround(source, start).before.trim() === '' && !restOfLineHasCode(source, end)) {
    const commented = `// deprecated: ${flat(apiField('deprecated').default ?? false)}`;
    return replaceRange(source, start, end, commented);
  }
  // Sharing its line with other fields, it cannot become a comment: it goes with its comma.
  const next = properties[index + 1];
  return next
    ? replaceRange(source, start, next.getStart(), '')
    : replaceRange(source, properties[index - 1]?.getEnd() ?? start, end, '');
}

/** The `@MindoffApi({ ... })` object decorating `class <className>`. */
function declarationOf(source: string, className: string): ts.ObjectLiteralExpression | undefined {
  const cls = findNode(
    parseSource(source),
    (node): node is ts.ClassDeclaration =>
      ts.isClassDeclaration(node) && node.name?.text === className,
  );
  const declaration = cls && decoratorObject(cls, 'MindoffApi');
  return declaration && ts.getDecorators(cls)?.some((d) => d === declaration.parent.parent)
    ? declaration
    : undefined;
}

function withValue(
  source: string,
  current: ts.Expression,
  value: string,
  sunset: string | undefined,
): string {
  const text = current.getText();
  if (text === value || (sunset === undefined && current.kind !== ts.SyntaxKind.FalseKeyword)) {
    return source;
  }
  if (sunset === undefined || !ts.isObjectLiteralExpression(current)) {
    return replaceRange(source, current.getStart(), current.getEnd(), value);
  }
  if (current.properties.length === 0) {
    return replaceRange(source, current.getStart(), current.getEnd(), value);
  }
  const dated = propertyNamed(current, 'sunset');
  if (!dated || !ts.isPropertyAssignment(dated)) {
    return appendToList(source, current, `sunset: ${quote(sunset)}`);
  }
  const date = dated.initializer;
  return replaceRange(source, date.getStart(), date.getEnd(), quote(sunset));
}

function restOfLineHasCode(source: string, index: number): boolean {
  return !/^\s*,?\s*(\/\/.*)?$/.test(lineAround(source, index).after);
}
