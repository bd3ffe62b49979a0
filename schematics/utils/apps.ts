import type { Tree } from '@angular-devkit/schematics';
import { posix } from 'node:path';
import { kebab, pascal } from './names';
import { readTextOrNull, type HostProject } from './project';
import { moduleClassOf } from './module-class';

/** A mindoff app: a Nest module whose APIs share the route segment `name`. */
export interface MindoffApp {
  /** The route segment and urlName prefix, e.g. `orders`. */
  name: string;
  /** The module file, e.g. `/src/orders/orders.module.ts`. */
  moduleFile: string;
  /** The module class, e.g. `OrdersModule`. */
  moduleClass: string;
}

/** The line the app schematic writes above an app module; it names the app's route segment. */
export const APP_MARKER = /\/\*\*\s*The `([a-z][a-z0-9_]*)` app\b/;

/** Every mindoff app under the source root, by the marker comment of its module, sorted by name. */
export function findApps(tree: Tree, sourceRoot: string): MindoffApp[] {
  const apps: MindoffApp[] = [];
  tree.getDir(sourceRoot).visit((path) => {
    if (!path.endsWith('.module.ts') || path.includes('/node_modules/')) return;
    const text = tree.readText(path);
    const name = APP_MARKER.exec(text)?.[1];
    const moduleClass = name && moduleClassOf(text);
    if (name && moduleClass) apps.push({ name, moduleFile: path, moduleClass });
  });
  return apps.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The app named `name`: by its marker, else a plain Nest module at the conventional place
 * (`<sourceRoot>/<name>/<name>.module.ts`, or flat), so a module made by `nest g module` works too.
 */
export function findApp(tree: Tree, sourceRoot: string, name: string): MindoffApp | undefined {
  const marked = findApps(tree, sourceRoot).find((app) => app.name === name);
  if (marked) return marked;
  for (const file of [`${kebab(name)}/${kebab(name)}.module.ts`, `${kebab(name)}.module.ts`]) {
    const moduleFile = posix.join(sourceRoot, file);
    const text = readTextOrNull(tree, moduleFile);
    const moduleClass = text && moduleClassOf(text);
    if (moduleClass) return { name, moduleFile, moduleClass };
  }
  return undefined;
}

/** Where and as what the app schematic creates an app. */
export interface NewApp {
  name: string;
  /** A directory under the source root to create it in. */
  path?: string;
  /** In `path` itself, without a folder of its own. */
  flat?: boolean;
}

/**
 * The app the app schematic creates for `request`: `<sourceRoot>/[<path>/]<name>/<name>.module.ts`
 * (flat: without the `<name>/` folder), with the class `<Name>Module`.
 */
export function newApp(host: HostProject, request: NewApp): MindoffApp {
  const base = posix.join(host.sourceRoot, request.path ?? '');
  const dir = request.flat ? base : posix.join(base, kebab(request.name));
  return {
    name: request.name,
    moduleFile: posix.join(dir, `${kebab(request.name)}.module.ts`),
    moduleClass: `${pascal(request.name)}Module`,
  };
}

/** Every file under `dir` whose path ends with `suffix`. */
export function findFiles(tree: Tree, dir: string, suffix: string): string[] {
  const found: string[] = [];
  tree.getDir(dir).visit((path) => {
    if (path.endsWith(suffix) && !path.includes('/node_modules/')) found.push(path);
  });
  return found.sort();
}
