import { SchematicsException, type Tree } from '@angular-devkit/schematics';
import { posix } from 'node:path';
import { createApp } from '../app/create-app';
import { findApp, findFiles } from '../utils/apps';
import { apiExists } from '../utils/messages';
import { display, importIntoModule } from '../utils/module-registration';
import { apiNames } from '../utils/names';
import { importPath, type HostProject } from '../utils/project';
import type { ApiRequest } from './api-request';
import {
  apiClassFile,
  apiSpecFile,
  versionsFile,
  versionsSpecFile,
  type TemplateContext,
} from './api.templates';
import type { ApiOptions } from './schema';

/** What was generated, for the caller's log. */
export interface GeneratedApi {
  dir: string;
  createdApp: boolean;
}

/**
 * Writes version 1 of the API, its version map and their specs, and imports the map in the app
 * module (creating the app when it does not exist yet). Checks everything it can before writing.
 */
export function generateApi(
  tree: Tree,
  host: HostProject,
  options: ApiOptions,
  request: ApiRequest,
  processMode: 'direct' | 'queue',
): GeneratedApi {
  const names = apiNames(request.app, request.api);
  const declared = findDeclaration(tree, host.sourceRoot, names.urlName);
  if (declared) {
    throw new SchematicsException(apiExists(request.app, request.api, display(declared)));
  }
  const found = findApp(tree, host.sourceRoot, request.app);
  const app = found ?? createApp(tree, host, { name: request.app, skipImport: options.skipImport });
  const base = options.path
    ? posix.join(host.sourceRoot, options.path)
    : posix.dirname(app.moduleFile);
  const dir = options.flat ? base : posix.join(base, names.file);
  const file = (name: string) => posix.join(dir, `${name}.ts`);
  const context: TemplateContext = {
    names,
    host,
    sibling: (name) => importPath(file('x'), file(name), host.esm),
  };
  const suffix = options.specFileSuffix || 'spec';
  const routePath = request.path ?? `${request.app}/${request.api}`;
  const taken = [`${names.file}.v1.api`, `${names.file}.versions`]
    .map(file)
    .find((f) => tree.exists(f));
  if (taken) throw new SchematicsException(apiExists(request.app, request.api, display(taken)));
  tree.create(file(`${names.file}.v1.api`), apiClassFile(context, 1, processMode, routePath));
  tree.create(file(`${names.file}.versions`), versionsFile(context, request.path));
  if (options.spec !== false) {
    tree.create(file(`${names.file}.v1.api.${suffix}`), apiSpecFile(context, 1));
    tree.create(file(`${names.file}.versions.${suffix}`), versionsSpecFile(context));
  }
  if (!options.skipImport) {
    importIntoModule(
      tree,
      host,
      app.moduleFile,
      names.versionsName,
      file(`${names.file}.versions`),
    );
  }
  return { dir, createdApp: !found };
}

/** The source file (not a spec) that already declares `urlName`, if any. */
function findDeclaration(tree: Tree, sourceRoot: string, urlName: string): string | undefined {
  return findFiles(tree, sourceRoot, '.ts').find(
    (path) =>
      !/\.spec\.ts$|\.test\.ts$/.test(path) &&
      new RegExp(`urlName:\\s*['"]${urlName}['"]`).test(tree.readText(path)),
  );
}
