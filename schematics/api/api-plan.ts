import { SchematicsException, type Tree } from '@angular-devkit/schematics';
import { posix } from 'node:path';
import { findApp, findFiles, newApp, type MindoffApp } from '../utils/apps';
import { apiExists } from '../utils/messages';
import { display } from '../utils/module-registration';
import { apiNames, type ApiNames } from '../utils/names';
import type { HostProject } from '../utils/project';
import { existingRootModule } from '../utils/root-module';
import type { ApiRequest } from './api-request';
import type { ApiOptions } from './schema';

/** Where one API goes, once nothing stands in its way. */
export interface ApiPlan {
  names: ApiNames;
  /** The app module the version map is imported in. */
  app: MindoffApp;
  /** The app does not exist yet: the app schematic creates it first. */
  createsApp: boolean;
  /** The folder of the API's files. */
  dir: string;
}

/**
 * Places the API in its app (or in `--path`) and refuses, before anything is written, an API
 * that is already declared or whose files exist, and a new app the root module cannot import.
 */
export function planApi(
  tree: Tree,
  host: HostProject,
  options: ApiOptions,
  request: ApiRequest,
): ApiPlan {
  const names = apiNames(request.app, request.api);
  const declared = findDeclaration(tree, host.sourceRoot, names.urlName);
  if (declared) {
    throw new SchematicsException(apiExists(request.app, request.api, display(declared)));
  }
  const found = findApp(tree, host.sourceRoot, request.app);
  if (!found && !options.skipImport) existingRootModule(tree, host);
  const app = found ?? newApp(host, { name: request.app });
  const base = options.path
    ? posix.join(host.sourceRoot, options.path)
    : posix.dirname(app.moduleFile);
  const dir = options.flat ? base : posix.join(base, names.file);
  const taken = [`${names.file}.v1.api.ts`, `${names.file}.versions.ts`]
    .map((file) => posix.join(dir, file))
    .find((path) => tree.exists(path));
  if (taken) throw new SchematicsException(apiExists(request.app, request.api, display(taken)));
  return { names, app, createsApp: !found, dir };
}

/** The source file (not a spec) that already declares `urlName`, if any. */
function findDeclaration(tree: Tree, sourceRoot: string, urlName: string): string | undefined {
  return findFiles(tree, sourceRoot, '.ts').find(
    (path) =>
      !/\.spec\.ts$|\.test\.ts$/.test(path) &&
      new RegExp(`urlName:\\s*['"]${urlName}['"]`).test(tree.readText(path)),
  );
}
