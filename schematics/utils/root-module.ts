import { SchematicsException, type Tree } from '@angular-devkit/schematics';
import { posix } from 'node:path';
import { noRootModule } from './messages';
import { display } from './module-registration';
import type { HostProject } from './project';

/** The root module every app is registered in: `<sourceRoot>/app.module.ts`. */
export function rootModuleFile(host: HostProject): string {
  return posix.join(host.sourceRoot, 'app.module.ts');
}

/** The root module, which must exist; the error says how to create it or do without. */
export function existingRootModule(tree: Tree, host: HostProject): string {
  const root = rootModuleFile(host);
  if (!tree.exists(root)) throw new SchematicsException(noRootModule(display(root)));
  return root;
}
