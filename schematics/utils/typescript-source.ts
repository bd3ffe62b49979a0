import * as ts from 'typescript';

/**
 * The syntax tree of a file, as @nestjs/schematics' MetadataManager reads module files: edits
 * find what they change by its node (a decorator, a property, an array), so comments, strings and
 * brackets in them never mislead them, and write text only where the node says.
 */
export function parseSource(source: string, file = 'file.ts'): ts.SourceFile {
  return ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** The first node under `root`, depth first in source order, that `test` accepts. */
export function findNode<T extends ts.Node>(
  root: ts.Node,
  test: (node: ts.Node) => node is T,
): T | undefined {
  let found: T | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (test(node)) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** The object's property named `name` (`imports`, `'imports'`), if it has one. */
export function propertyNamed(
  object: ts.ObjectLiteralExpression,
  name: string,
): ts.ObjectLiteralElementLike | undefined {
  return object.properties.find((property) => {
    const key = property.name;
    return (
      key !== undefined && (ts.isIdentifier(key) || ts.isStringLiteral(key)) && key.text === name
    );
  });
}

/**
 * The object of the first `@name({ ... })` decorator call under `root` (a file, or a class: its
 * own decorators come first), as MetadataManager finds `@Module({ ... })`.
 */
export function decoratorObject(
  root: ts.Node,
  name: string,
): ts.ObjectLiteralExpression | undefined {
  const decorator = findNode(
    root,
    (node): node is ts.Decorator =>
      ts.isDecorator(node) && decoratorArgument(node, name) !== undefined,
  );
  return decorator && decoratorArgument(decorator, name);
}

function decoratorArgument(
  decorator: ts.Decorator,
  name: string,
): ts.ObjectLiteralExpression | undefined {
  const call = decorator.expression;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return undefined;
  const [first] = call.arguments;
  return call.expression.text === name && first && ts.isObjectLiteralExpression(first)
    ? first
    : undefined;
}

/** Whether the node's text (between its first and last token) holds a comment. */
export function hasComment(source: string, node: ts.Node): boolean {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard);
  scanner.setText(source, node.getStart(), node.getEnd() - node.getStart());
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (
      token === ts.SyntaxKind.SingleLineCommentTrivia ||
      token === ts.SyntaxKind.MultiLineCommentTrivia
    ) {
      return true;
    }
  }
  return false;
}

/** Where the comments after `pos` on its line end (`pos` itself when none follow). */
export function endOfTrailingComments(source: string, pos: number): number {
  return ts.getTrailingCommentRanges(source, pos)?.at(-1)?.end ?? pos;
}

/** The end of the comma that follows `pos`, past trivia; undefined when the next token is another. */
export function commaAfter(source: string, pos: number): number | undefined {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard);
  scanner.setText(source, pos);
  return scanner.scan() === ts.SyntaxKind.CommaToken ? scanner.getTokenEnd() : undefined;
}

/** The whitespace the line holding `index` starts with. */
export function indentAt(source: string, index: number): string {
  const lineStart = source.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))![0];
}

/** The text of the line around `index` before and after it. */
export function lineAround(source: string, index: number): { before: string; after: string } {
  const lineStart = source.lastIndexOf('\n', index - 1) + 1;
  const newline = source.indexOf('\n', index);
  const lineEnd = newline === -1 ? source.length : newline;
  return { before: source.slice(lineStart, index), after: source.slice(index, lineEnd) };
}

/** `source` with the text between `start` and `end` replaced by `text`. */
export function replaceRange(source: string, start: number, end: number, text: string): string {
  return source.slice(0, start) + text + source.slice(end);
}
