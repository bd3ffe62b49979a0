import * as ts from 'typescript';
import { parseSource } from './typescript-source';

/**
 * The class of a module file (`OrdersModule`): the one `@Module(...)` decorates, else the first
 * exported class (a module mindoff cannot edit is still found, so the edit can say why).
 */
export function moduleClassOf(source: string): string | undefined {
  const classes = parseSource(source).statements.filter(ts.isClassDeclaration);
  const decorated = classes.find((cls) =>
    ts.getDecorators(cls)?.some(({ expression }) => {
      const callee = ts.isCallExpression(expression) ? expression.expression : expression;
      return ts.isIdentifier(callee) && callee.text === 'Module';
    }),
  );
  const exported = classes.find((cls) =>
    ts.getModifiers(cls)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword),
  );
  return (decorated ?? exported)?.name?.text;
}
