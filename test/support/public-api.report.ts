import { dirname, resolve } from 'node:path';
import * as ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');

/**
 * The API report of an entry point: one line per export (values and types), as `kind name`, and
 * for a class the public members it declares (`static` ones marked) without those tagged
 * `@internal`, which the published declarations strip (`stripInternal`). Compiled with the project's own options.
 */
export function apiReport(entry: string): string[] {
  const configPath = resolve(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  const program = ts.createProgram([entry], { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  return checker
    .getExportsOfModule(module)
    .map((exported) => {
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const line = `${kindOf(symbol)} ${exported.name}`;
      if (!(symbol.flags & ts.SymbolFlags.Class)) return line;
      return `${line} { ${classMembers(checker, symbol).join(', ')} }`;
    })
    .sort();
}

function kindOf(symbol: ts.Symbol): string {
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Variable) return f & ts.SymbolFlags.TypeAlias ? 'const+type' : 'const';
  if (f & ts.SymbolFlags.Interface) return 'interface';
  if (f & ts.SymbolFlags.TypeAlias) return 'type';
  if (f & ts.SymbolFlags.Enum) return 'enum';
  return 'other';
}

function classMembers(checker: ts.TypeChecker, cls: ts.Symbol): string[] {
  const declaration = cls.valueDeclaration ?? cls.declarations?.[0];
  if (!declaration) return [];
  const instance = checker.getDeclaredTypeOfSymbol(cls);
  const statics = checker.getTypeOfSymbolAtLocation(cls, declaration);
  const names = (type: ts.Type, prefix: string) =>
    checker
      .getPropertiesOfType(type)
      .filter((member) => member.name !== 'prototype' && isPublic(member))
      .map((member) => `${prefix}${member.name}`);
  return [...names(statics, 'static '), ...names(instance, '')].sort();
}

/** Declared by mindoff (not inherited from `Error` or a Nest base class), public, not `@internal`. */
function isPublic(member: ts.Symbol): boolean {
  if (member.name.startsWith('#') || member.name.startsWith('__@')) return false;
  const declarations = member.declarations ?? [];
  if (!declarations.some((d) => d.getSourceFile().fileName.startsWith(`${ROOT}/lib/`))) {
    return false;
  }
  return declarations.every((d) => {
    const hidden = ts.ModifierFlags.Private | ts.ModifierFlags.Protected;
    if (ts.getCombinedModifierFlags(d) & hidden) return false;
    return !ts.getJSDocTags(d).some((tag) => tag.tagName.text === 'internal');
  });
}
