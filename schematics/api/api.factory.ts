import {
  apply,
  chain,
  filter,
  mergeWith,
  move,
  noop,
  renameTemplateFiles,
  schematic,
  template,
  url,
  type Rule,
  type Source,
} from '@angular-devkit/schematics';
import { posix } from 'node:path';
import type { AppOptions } from '../app/schema';
import { findApps } from '../utils/apps';
import { globalPrefix } from '../utils/global-prefix';
import { docComment, docLines, layout } from '../utils/layout';
import { display, importIntoModule } from '../utils/module-registration';
import { importPath, readHostProject, type HostProject } from '../utils/project';
import { terminalPrompter, type Prompter } from '../utils/prompter';
import { planApi, type ApiPlan } from './api-plan';
import { resolveApiRequest, type ApiRequest } from './api-request';
import { declarationGroups, declaredValues } from './api-declaration';
import { apiTemplateOptions } from './api-template-options';
import { specRoutes } from './spec-layout';
import type { ApiOptions } from './schema';

/**
 * `nest g -c mindoff api orders/create_order [--type queue]`: version 1 of an API, its version
 * map, their specs, and the map imported in the app module. In a terminal, the Nest CLI asks
 * for what the command line left out (the schema's prompts), and this schematic for the app when
 * the name has none. The comments name the API's URLs as clients call them, under the global
 * prefix main.ts sets.
 */
export function main(options: ApiOptions): Rule {
  return api(options, terminalPrompter());
}

/** The api schematic with the prompter given (specs script the answers). */
export function api(options: ApiOptions, prompter: Prompter | null): Rule {
  return async (tree) => {
    const processMode = options.type ?? 'direct';
    const host = readHostProject(tree, options);
    const request = await resolveApiRequest(options, findApps(tree, host.sourceRoot), prompter);
    const plan = planApi(tree, host, options, request);
    const versionsFile = posix.join(plan.dir, `${plan.names.file}.versions.ts`);
    return chain([
      plan.createsApp ? schematic<AppOptions>('app', newAppOptions(options, request)) : noop(),
      mergeWith(generate(host, options, request, plan, processMode, globalPrefix(tree, host))),
      options.skipImport
        ? noop()
        : importIntoModule(host, plan.app.moduleFile, plan.names.versionsName, versionsFile),
      (_, context) => {
        if (plan.createsApp) context.logger.info(`Created the ${request.app} app.`);
        context.logger.info(
          `API ${request.app}/${request.api} (${request.method}) is in ${display(plan.dir)}.`,
        );
      },
    ]);
  };
}

function generate(
  host: HostProject,
  options: ApiOptions,
  request: ApiRequest,
  plan: ApiPlan,
  processMode: 'direct' | 'queue',
  mount: string,
): Source {
  const file = (name: string) => posix.join(plan.dir, `${plan.names.file}.${name}.ts`);
  const sibling = (name: string) => importPath(file('versions'), file(name), host.esm);
  const paths = request.paths ?? [`${request.app}/${request.api}`];
  const routes = (prefix: string) => paths.map((path) => `\`${prefix}/${path}/\``).join(', ');
  const declared = declaredValues({
    urlName: plan.names.urlName,
    title: plan.names.title,
    method: request.method,
    processMode,
    params: request.params,
  });
  const names = request.params.map((param) => param.name);
  const specSuffix = options.specFileSuffix || 'spec';
  return apply(url('./files'), [
    options.spec === false
      ? filter((path) => !path.endsWith('.__specFileSuffix__.ts.template'))
      : noop(),
    template({
      ...apiTemplateOptions(plan.names, host, 1, specSuffix, sibling('versions'), names),
      apiClassImport: sibling('v1.api'),
      pathParams: request.params,
      groups: declarationGroups(declared),
      summary: docLines(
        `${plan.names.title}, version 1: ${routes(`${request.method} ${mount}/v1`)}.`,
      ),
      mapRoutes: routes(`${mount}/v<n>`),
      docComment,
      pathOption: request.paths ? pathOption(request.paths) : '',
      routes: specRoutes(request.paths, request.method),
    }),
    renameTemplateFiles(),
    move(plan.dir),
  ]);
}

/** `{ path: [...] }` (or one string) as the version map's second argument, laid out by prettier's rules. */
function pathOption(paths: string[]): string {
  return layout({ path: paths.length === 1 ? paths[0] : paths }, '  ', 2, 1);
}

/** The app schematic's options for the app an API creates: the default place, the same root. */
function newAppOptions(options: ApiOptions, request: ApiRequest): AppOptions {
  return {
    name: request.app,
    ...(options.skipImport !== undefined && { skipImport: options.skipImport }),
    ...(options.sourceRoot !== undefined && { sourceRoot: options.sourceRoot }),
  };
}
