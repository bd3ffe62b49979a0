import type { Tree } from '@angular-devkit/schematics';
import { posix } from 'node:path';
import * as ts from 'typescript';
import { readTextOrNull, type HostProject } from './project';
import { findNode, parseSource } from './typescript-source';

/**
 * The global prefix the app's main.ts sets (`app.setGlobalPrefix('api')`), as Nest mounts it:
 * `/api`, with one leading slash and none at the end. `''` when there is no main.ts, it sets no
 * prefix, or sets one that is not a string literal.
 *
 * @example
 * // src/main.ts: app.setGlobalPrefix('/api/');
 * globalPrefix(tree, host); // '/api'
 */
export function globalPrefix(tree: Tree, host: HostProject): string {
  const main = readTextOrNull(tree, posix.join(host.sourceRoot, 'main.ts')) ?? '';
  const call = findNode(parseSource(main), isSetGlobalPrefix);
  const [first] = call?.arguments ?? [];
  const prefix = first && ts.isStringLiteralLike(first) ? first.text.replace(/^\/+|\/+$/g, '') : '';
  return prefix === '' ? '' : `/${prefix}`;
}

function isSetGlobalPrefix(node: ts.Node): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'setGlobalPrefix'
  );
}
