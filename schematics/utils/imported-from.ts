import * as ts from 'typescript';
import { parseSource } from './typescript-source';

/** The module specifier the file imports `symbol` from by name (`./create-order.v1.api.js`), if any. */
export function importedFrom(source: string, symbol: string): string | undefined {
  for (const statement of parseSource(source).statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) {
      continue;
    }
    const bindings = statement.importClause?.namedBindings;
    if (
      bindings &&
      ts.isNamedImports(bindings) &&
      bindings.elements.some((item) => item.name.text === symbol)
    ) {
      return statement.moduleSpecifier.text;
    }
  }
  return undefined;
}
