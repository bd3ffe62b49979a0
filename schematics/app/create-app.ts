import { SchematicsException, type Tree } from '@angular-devkit/schematics';
import { posix } from 'node:path';
import { findApp, type MindoffApp } from '../utils/apps';
import { appExists, noRootModule } from '../utils/messages';
import { display, importIntoModule } from '../utils/module-registration';
import { kebab, pascal } from '../utils/names';
import type { HostProject } from '../utils/project';
import { appModuleFile } from './app.templates';

/** Where and how to create one app. */
export interface AppRequest {
  name: string;
  path?: string;
  flat?: boolean;
  skipImport?: boolean;
}

/** The root module every app is registered in. */
export function rootModuleFile(host: HostProject): string {
  return posix.join(host.sourceRoot, 'app.module.ts');
}

/**
 * Creates the app module `<sourceRoot>/<name>/<name>.module.ts` (flat: in `path` itself) and
 * imports it in the root module, unless `skipImport`.
 */
export function createApp(tree: Tree, host: HostProject, request: AppRequest): MindoffApp {
  const { name } = request;
  const existing = findApp(tree, host.sourceRoot, name);
  if (existing) throw new SchematicsException(appExists(name, display(existing.moduleFile)));
  const base = posix.join(host.sourceRoot, request.path ?? '');
  const dir = request.flat ? base : posix.join(base, kebab(name));
  const app = {
    name,
    moduleFile: posix.join(dir, `${kebab(name)}.module.ts`),
    moduleClass: `${pascal(name)}Module`,
  };
  const root = rootModuleFile(host);
  if (!request.skipImport && !tree.exists(root)) {
    throw new SchematicsException(noRootModule(display(root)));
  }
  tree.create(app.moduleFile, appModuleFile(name, app.moduleClass));
  if (!request.skipImport) importIntoModule(tree, host, root, app.moduleClass, app.moduleFile);
  return app;
}
