import * as ts from 'typescript';
import { findNode, parseSource, propertyNamed } from '../utils/typescript-source';

/** The version map in a versions file: its object and which class serves each version. */
export interface VersionMap {
  object: ts.ObjectLiteralExpression;
  versions: { version: number; className: string }[];
  /** The path parameters of its `path` option (`:order_id` → `order_id`), in order. */
  params: string[];
}

/**
 * Reads `MindoffVersions.register({ 1: A, 2: B }, { path })` from the file's syntax tree;
 * undefined when the file has no such call, or a map entry that is not `<n>: <Class>`.
 */
export function readVersionMap(source: string): VersionMap | undefined {
  const call = findNode(parseSource(source), isRegisterCall);
  const [object, options] = call?.arguments ?? [];
  if (!object || !ts.isObjectLiteralExpression(object)) return undefined;
  const versions = object.properties.map((property) =>
    ts.isPropertyAssignment(property) &&
    ts.isNumericLiteral(property.name) &&
    ts.isIdentifier(property.initializer)
      ? { version: Number(property.name.text), className: property.initializer.text }
      : undefined,
  );
  if (versions.length === 0 || versions.some((entry) => !entry)) return undefined;
  const params = pathsOf(options).flatMap((path) =>
    [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]),
  );
  return {
    object,
    versions: versions.filter((entry) => entry !== undefined),
    params: [...new Set(params)],
  };
}

function isRegisterCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const { expression, name } = node.expression;
  return (
    ts.isIdentifier(expression) && expression.text === 'MindoffVersions' && name.text === 'register'
  );
}

/** The string literals of the options' `path`: one, or each of a list. */
function pathsOf(options: ts.Expression | undefined): string[] {
  if (!options || !ts.isObjectLiteralExpression(options)) return [];
  const path = propertyNamed(options, 'path');
  if (!path || !ts.isPropertyAssignment(path)) return [];
  const values = ts.isArrayLiteralExpression(path.initializer)
    ? [...path.initializer.elements]
    : [path.initializer];
  return values.flatMap((value) => (ts.isStringLiteralLike(value) ? [value.text] : []));
}
