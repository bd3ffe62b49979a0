import { SchematicsException, type Tree } from '@angular-devkit/schematics';
import { posix } from 'node:path';
import { invalidJson } from './messages';

/** The options the Nest CLI passes to every schematic it runs. */
export interface NestCliOptions {
  /** Where sources live; default from nest-cli.json, else `src`. */
  sourceRoot?: string;
  /** A directory (under `sourceRoot`) to generate into. */
  path?: string;
  /** Generate spec files (default true). */
  spec?: boolean;
  /** Generate into the parent directory instead of a folder of its own. */
  flat?: boolean;
  /** Do not register the generated code in a module. */
  skipImport?: boolean;
  /** The spec file suffix (default `spec`). */
  specFileSuffix?: string;
  /** Accepted for the CLI's sake; generated code is already formatted. */
  format?: boolean;
  language?: string;
  project?: string;
  collection?: string;
}

/** How the host project is set up, as far as generated code must follow it. */
export interface HostProject {
  /** `/src`: where the sources are, as a tree path. */
  sourceRoot: string;
  /** `"type": "module"`: relative imports end in `.js`. */
  esm: boolean;
  /** Which runner runs the specs, and whether its functions are globals. */
  runner: 'jest' | 'vitest';
  globals: boolean;
}

/** Reads the host project's conventions from its package.json, nest-cli.json and test config. */
export function readHostProject(tree: Tree, options: NestCliOptions): HostProject {
  const pkg = readJson(tree, '/package.json') ?? {};
  const nestCli = readJson(tree, '/nest-cli.json') ?? {};
  const sourceRoot = options.sourceRoot ?? stringOr(nestCli.sourceRoot, 'src');
  const deps = { ...asRecord(pkg.dependencies), ...asRecord(pkg.devDependencies) };
  const runner = 'vitest' in deps && !('jest' in deps) ? 'vitest' : 'jest';
  return {
    sourceRoot: posix.join('/', sourceRoot),
    esm: pkg.type === 'module',
    runner,
    globals: runner === 'jest' || vitestGlobals(tree),
  };
}

/** The specifier one generated file uses to import another: `./create-order.versions(.js)`. */
export function importPath(fromFile: string, toFile: string, esm: boolean): string {
  const relative = posix.relative(posix.dirname(fromFile), toFile.replace(/\.ts$/, ''));
  const specifier = relative.startsWith('.') ? relative : `./${relative}`;
  return esm ? `${specifier}.js` : specifier;
}

/** A JSON file in the tree, or undefined when absent; a file that does not parse is an error. */
export function readJson(tree: Tree, path: string): Record<string, unknown> | undefined {
  if (!tree.exists(path)) return undefined;
  try {
    return asRecord(tree.readJson(path));
  } catch (error) {
    throw new SchematicsException(invalidJson(path, (error as Error).message));
  }
}

/** A text file in the tree, or null when absent. */
export function readTextOrNull(tree: Tree, path: string): string | null {
  return tree.exists(path) ? tree.readText(path) : null;
}

function vitestGlobals(tree: Tree): boolean {
  for (const file of [
    'vitest.config.ts',
    'vitest.config.mts',
    'vitest.config.js',
    'vite.config.ts',
  ]) {
    const text = readTextOrNull(tree, `/${file}`);
    if (text !== null && /globals\s*:\s*true/.test(text)) return true;
  }
  return /vitest\/globals/.test(readTextOrNull(tree, '/tsconfig.json') ?? '');
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}
