import {
  apply,
  chain,
  mergeWith,
  move,
  noop,
  renameTemplateFiles,
  SchematicsException,
  template,
  url,
  type Rule,
  type Source,
} from '@angular-devkit/schematics';
import { posix } from 'node:path';
import { findApp, newApp, type MindoffApp } from '../utils/apps';
import { globalPrefix } from '../utils/global-prefix';
import { appExists, invalidName } from '../utils/messages';
import { display, importIntoModule } from '../utils/module-registration';
import { toSnakeName } from '../utils/name-input';
import { kebab } from '../utils/names';
import { readHostProject } from '../utils/project';
import { existingRootModule } from '../utils/root-module';
import type { AppOptions } from './schema';

/**
 * `nest g -c mindoff app orders`: a mindoff app module (`src/orders/orders.module.ts`) whose
 * APIs answer under `/v<n>/orders/` (after the global prefix main.ts sets, which its comment
 * names), imported in the root module.
 */
export function main(options: AppOptions): Rule {
  return (tree) => {
    const host = readHostProject(tree, options);
    const raw = options.name ?? '';
    const name = toSnakeName(raw);
    if (!name) throw new SchematicsException(invalidName('app', raw));
    const existing = findApp(tree, host.sourceRoot, name);
    if (existing) throw new SchematicsException(appExists(name, display(existing.moduleFile)));
    const app = newApp(host, { ...options, name });
    return chain([
      mergeWith(generate(app, globalPrefix(tree, host))),
      options.skipImport
        ? noop()
        : importIntoModule(host, existingRootModule(tree, host), app.moduleClass, app.moduleFile),
    ]);
  };
}

function generate(app: MindoffApp, prefix: string): Source {
  return apply(url('./files'), [
    template({ name: app.name, file: kebab(app.name), moduleClass: app.moduleClass, prefix }),
    renameTemplateFiles(),
    move(posix.dirname(app.moduleFile)),
  ]);
}
