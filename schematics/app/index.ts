import { SchematicsException, type Rule } from '@angular-devkit/schematics';
import { invalidName } from '../utils/messages';
import { toSnakeName } from '../utils/name-input';
import { readHostProject } from '../utils/project';
import { createApp } from './create-app';
import type { AppOptions } from './schema';

/**
 * `nest g -c mindoff app orders`: a mindoff app module (`src/orders/orders.module.ts`) whose
 * APIs answer under `/v<n>/orders/`, imported in the root module.
 */
export function main(options: AppOptions): Rule {
  return (tree) => {
    const host = readHostProject(tree, options);
    const raw = options.name ?? '';
    const name = toSnakeName(raw);
    if (!name) throw new SchematicsException(invalidName('app', raw));
    createApp(tree, host, { ...options, name });
    return tree;
  };
}
