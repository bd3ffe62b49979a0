import { SchematicsException } from '@angular-devkit/schematics';
import * as ts from 'typescript';
import { PRINT_WIDTH } from './layout';
import { appendToList } from './list-editor';
import { noModuleDecorator, notAnArrayLiteral } from './messages';
import {
  decoratorObject,
  endOfTrailingComments,
  hasComment,
  indentAt,
  lineAround,
  parseSource,
  propertyNamed,
  replaceRange,
} from './typescript-source';

/**
 * Adds `element` to the `property` array (`imports`, `controllers`...) of the file's
 * `@Module({ ... })`, found in its syntax tree as @nestjs/schematics' MetadataManager finds it,
 * unless an item for `key` is already there, in any form (`X`, `X.forRoot(...)`,
 * `forwardRef(() => X)`): reruns change nothing. A missing property is added first.
 */
export function addToModuleArray(
  source: string,
  file: string,
  property: string,
  element: string,
  key: string,
): string {
  const object = decoratorObject(parseSource(source, file), 'Module');
  if (!object) throw new SchematicsException(noModuleDecorator(file, key));
  const entry = propertyNamed(object, property);
  if (!entry) return insertProperty(source, object, `${property}: [${element}]`);
  const array = ts.isPropertyAssignment(entry) ? entry.initializer : undefined;
  if (!array || !ts.isArrayLiteralExpression(array)) {
    throw new SchematicsException(notAnArrayLiteral(file, property, key));
  }
  if (array.elements.some((item) => keyOf(item) === key)) return source;
  return appendItem(source, array, element);
}

/** The symbol an item stands for: `X` for `X`, `X.forRoot()`, `forwardRef(() => X)`, `...X`. */
function keyOf(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isSpreadElement(node) || ts.isPropertyAccessExpression(node)) {
    return keyOf(node.expression);
  }
  if (ts.isArrowFunction(node)) return keyOf(node.body);
  if (ts.isParenthesizedExpression(node)) return keyOf(node.expression);
  if (!ts.isCallExpression(node)) return undefined;
  const [wrapped] = node.arguments;
  const callee = node.expression;
  return ts.isIdentifier(callee) && callee.text === 'forwardRef' && wrapped
    ? keyOf(wrapped)
    : keyOf(callee);
}

/**
 * Appends to an array as prettier lays it out: on one line while it fits, else one item a line;
 * an array holding comments or multi-line items keeps its layout.
 */
function appendItem(source: string, array: ts.ArrayLiteralExpression, element: string): string {
  const texts = [...array.elements.map((item) => item.getText()), element];
  if (hasComment(source, array) || texts.some((text) => text.includes('\n'))) {
    return appendToList(source, array, element);
  }
  const start = array.getStart();
  const end = array.getEnd();
  const before = lineAround(source, start).before;
  const after = lineAround(source, end).after;
  const single = `[${texts.join(', ')}]`;
  if (before.length + single.length + after.length <= PRINT_WIDTH) {
    return replaceRange(source, start, end, single);
  }
  const indent = indentAt(source, start);
  const lines = texts.map((text) => `${indent}  ${text},`).join('\n');
  return replaceRange(source, start, end, `[\n${lines}\n${indent}]`);
}

function insertProperty(source: string, object: ts.ObjectLiteralExpression, entry: string): string {
  const open = object.getStart() + 1;
  const [first] = object.properties;
  if (!first && !hasComment(source, object)) {
    return replaceRange(source, object.getStart(), object.getEnd(), `{ ${entry} }`);
  }
  if (!source.slice(open, object.getEnd()).includes('\n')) {
    return replaceRange(source, open, open, ` ${entry},`);
  }
  const indent = first ? indentAt(source, first.getStart()) : `${indentAt(source, open)}  `;
  return replaceRange(source, open, open, `\n${indent}${entry},`);
}

/**
 * Adds `import { symbol } from 'specifier';` after the file's last import, or the symbol to an
 * existing named import from the same specifier. Returns the text unchanged when it already
 * imports it (MindoffModule's import line is not duplicated, as ModuleImportDeclarator's is).
 */
export function addNamedImport(source: string, symbol: string, specifier: string): string {
  const file = parseSource(source);
  const imports = file.statements.filter(
    (statement) => ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement),
  );
  const from = imports.filter(
    (statement): statement is ts.ImportDeclaration =>
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text === specifier,
  );
  const named = (statement: ts.ImportDeclaration) => {
    const bindings = statement.importClause?.namedBindings;
    return bindings && ts.isNamedImports(bindings) ? bindings : undefined;
  };
  const imported = from.some(
    (statement) =>
      !statement.importClause?.isTypeOnly &&
      named(statement)?.elements.some(
        (item) => !item.isTypeOnly && (item.propertyName ?? item.name).text === symbol,
      ),
  );
  if (imported) return source;
  const target = from.find((statement) => named(statement) && !statement.importClause?.isTypeOnly);
  const bindings = target && named(target);
  if (target && bindings) {
    const plain = !target.importClause?.name && !hasComment(source, target);
    if (!plain || target.getText().includes('\n')) return appendToList(source, bindings, symbol);
    const names = [...bindings.elements.map((item) => item.getText()), symbol];
    const quote = target.moduleSpecifier.getText()[0];
    const line = renderImport(names, specifier, quote);
    return replaceRange(source, target.getStart(), target.getEnd(), line);
  }
  const line = renderImport([symbol], specifier, "'");
  const last = imports.at(-1);
  if (!last) return `${line}\n${source}`;
  const end = endOfTrailingComments(source, last.getEnd());
  return replaceRange(source, end, end, `\n${line}`);
}

/** `import { a, b } from 'x';`, wrapped one name a line where prettier would wrap it. */
export function renderImport(names: string[], specifier: string, quote: string): string {
  const line = `import { ${names.join(', ')} } from ${quote}${specifier}${quote};`;
  // Prettier keeps a lone specifier on one line, however long.
  if (line.length <= PRINT_WIDTH || names.length === 1) return line;
  return `import {\n${names.map((name) => `  ${name},`).join('\n')}\n} from ${quote}${specifier}${quote};`;
}
