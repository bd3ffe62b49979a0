import {
  apply,
  chain,
  filter,
  mergeWith,
  move,
  noop,
  renameTemplateFiles,
  SchematicsException,
  template,
  url,
  type Rule,
  type Source,
  type Tree,
} from '@angular-devkit/schematics';
import { posix } from 'node:path';
import { API_SPEC_TEMPLATE, apiTemplateOptions } from '../api/api-template-options';
import { findApp, findFiles } from '../utils/apps';
import {
  apiNotFound,
  invalidApiPath,
  invalidName,
  missingVersionClass,
  unreadableVersionMap,
} from '../utils/messages';
import { appendToList } from '../utils/list-editor';
import { addNamedImport } from '../utils/module-editor';
import { display } from '../utils/module-registration';
import { toSnakeName } from '../utils/name-input';
import { apiClassName, apiNames, type ApiNames } from '../utils/names';
import { importPath, readHostProject, type HostProject } from '../utils/project';
import { clearDeprecated, markDeprecated } from './deprecation';
import { resolveDeprecation } from './deprecation-request';
import type { VersionOptions } from './schema';
import { importedFrom } from '../utils/imported-from';
import { readVersionMap } from './version-map';

/**
 * `nest g -c mindoff version orders/create_order`: the next version of an API, a copy of its
 * latest version's class, registered in its version map, with its spec; with
 * `--deprecate-previous` (asked in a terminal), the latest version is marked deprecated.
 */
export function main(options: VersionOptions): Rule {
  return (tree) => {
    const host = readHostProject(tree, options);
    const names = parseApi(options.name ?? '');
    const mapFile = findVersionMap(tree, host, names);
    const source = tree.readText(mapFile);
    const map = readVersionMap(source);
    if (!map) throw new SchematicsException(unreadableVersionMap(display(mapFile)));
    const latest = map.versions.reduce((a, b) => (b.version > a.version ? b : a));
    const next = {
      version: latest.version + 1,
      className: apiClassName(names.className, latest.version + 1),
    };
    const latestFile = classFile(tree, mapFile, source, latest.className);
    const latestText = tree.readText(latestFile);
    const newFile = posix.join(posix.dirname(latestFile), `${names.file}.v${next.version}.api.ts`);
    const withEntry = appendToList(source, map.object, `${next.version}: ${next.className}`);
    const deprecation = resolveDeprecation(options);
    const deprecated = deprecation
      ? markDeprecated(latestText, latest.className, deprecation.sunset, display(latestFile))
      : latestText;
    return chain([
      (tree) => {
        tree.create(newFile, clearDeprecated(copyClass(latestText, latest, next), next.className));
        tree.overwrite(
          mapFile,
          addNamedImport(withEntry, next.className, importPath(mapFile, newFile, host.esm)),
        );
        if (deprecated !== latestText) tree.overwrite(latestFile, deprecated);
      },
      options.spec === false
        ? noop()
        : mergeWith(generateSpec(host, options, names, next.version, newFile, mapFile, map.params)),
      (_, context) => {
        context.logger.info(
          `${names.urlName} version ${next.version} is ${next.className} in ${display(newFile)}.`,
        );
        if (deprecation) {
          const until = deprecation.sunset ? `, sunset ${deprecation.sunset}` : '';
          context.logger.info(`${latest.className} is marked deprecated${until}.`);
        }
      },
    ]);
  };
}

/** The new version's spec, from the api schematic's template, beside the new class. */
function generateSpec(
  host: HostProject,
  options: VersionOptions,
  names: ApiNames,
  version: number,
  newFile: string,
  mapFile: string,
  params: string[],
): Source {
  const versionsImport = importPath(newFile, mapFile, host.esm);
  const suffix = options.specFileSuffix || 'spec';
  return apply(url('../api/files'), [
    filter((path) => path === API_SPEC_TEMPLATE),
    template(apiTemplateOptions(names, host, version, suffix, versionsImport, params)),
    renameTemplateFiles(),
    move(posix.dirname(newFile)),
  ]);
}

function parseApi(input: string): ApiNames {
  const parts = input.trim().split('/');
  if (parts.length !== 2) throw new SchematicsException(invalidApiPath(input));
  const [app, api] = parts.map((part, i) => {
    const name = toSnakeName(part);
    if (!name) throw new SchematicsException(invalidName(i === 0 ? 'app' : 'API', part));
    return name;
  });
  return apiNames(app, api);
}

function findVersionMap(tree: Tree, host: HostProject, names: ApiNames): string {
  const app = findApp(tree, host.sourceRoot, names.app);
  const where = app ? posix.dirname(app.moduleFile) : host.sourceRoot;
  const found = findFiles(tree, where, `/${names.file}.versions.ts`);
  if (found.length === 0) {
    throw new SchematicsException(apiNotFound(names.app, names.api, display(where)));
  }
  return found[0];
}

/** The file `className` is imported from in the versions file (a relative import). */
function classFile(tree: Tree, mapFile: string, source: string, className: string): string {
  const specifier = importedFrom(source, className);
  const file =
    specifier?.startsWith('.') === true
      ? posix.join(posix.dirname(mapFile), specifier.replace(/\.js$/, '') + '.ts')
      : undefined;
  if (!file || !tree.exists(file)) {
    throw new SchematicsException(missingVersionClass(display(mapFile), className));
  }
  return file;
}

/** The latest class's file with its class, version number and path renamed to the new version. */
function copyClass(
  text: string,
  latest: { version: number; className: string },
  next: { version: number; className: string },
): string {
  return text
    .replace(new RegExp(`\\b${latest.className}\\b`, 'g'), next.className)
    .replace(new RegExp(`version ${latest.version}\\b`, 'g'), `version ${next.version}`)
    .replace(new RegExp(`/v${latest.version}/`, 'g'), `/v${next.version}/`);
}
