import type { Rule } from '@angular-devkit/schematics';
import { addNamedImport, addToModuleArray } from './module-editor';
import { importPath, type HostProject } from './project';

/** A tree path as messages show it: `src/app.module.ts`. */
export function display(path: string): string {
  return path.replace(/^\//, '');
}

/**
 * Imports `symbol` into the `imports` of the module in `moduleFile` (as `element`, default the
 * symbol itself), from a tree path (`/src/orders/orders.module.ts`) or a package (`mindoff`).
 * Does nothing when the module already imports it.
 */
export function importIntoModule(
  host: HostProject,
  moduleFile: string,
  symbol: string,
  from: string,
  element: string = symbol,
): Rule {
  return (tree) => {
    const source = tree.readText(moduleFile);
    const edited = addToModuleArray(source, display(moduleFile), 'imports', element, symbol);
    if (edited === source) return;
    const specifier = from.startsWith('/') ? importPath(moduleFile, from, host.esm) : from;
    tree.overwrite(moduleFile, addNamedImport(edited, symbol, specifier));
  };
}
