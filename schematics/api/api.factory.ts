import {
  apply,
  chain,
  filter,
  mergeWith,
  move,
  noop,
  renameTemplateFiles,
  schematic,
  SchematicsException,
  template,
  url,
  type Rule,
  type Source,
} from '@angular-devkit/schematics';
import { posix } from 'node:path';
import type { AppOptions } from '../app/schema';
import { findApps } from '../utils/apps';
import { display, importIntoModule } from '../utils/module-registration';
import { importPath, readHostProject, type HostProject } from '../utils/project';
import { terminalPrompter, type Prompter } from '../utils/prompter';
import { planApi, type ApiPlan } from './api-plan';
import { resolveApiRequest, type ApiRequest } from './api-request';
import { apiTemplateOptions } from './api-template-options';
import type { ApiOptions } from './schema';

/**
 * `nest g -c mindoff api orders/create_order [--type queue]`: version 1 of an API, its version
 * map, their specs, and the map imported in the app module. In a terminal, asks for what the
 * command line left out.
 */
export function main(options: ApiOptions): Rule {
  return api(options, terminalPrompter());
}

/** The api schematic with the prompter given (specs script the answers). */
export function api(options: ApiOptions, prompter: Prompter | null): Rule {
  return async (tree) => {
    const processMode = processModeOf(options.type);
    const host = readHostProject(tree, options);
    const request = await resolveApiRequest(options, findApps(tree, host.sourceRoot), prompter);
    const plan = planApi(tree, host, options, request);
    const versionsFile = posix.join(plan.dir, `${plan.names.file}.versions.ts`);
    return chain([
      plan.createsApp ? schematic<AppOptions>('app', newAppOptions(options, request)) : noop(),
      mergeWith(generate(host, options, request, plan, processMode)),
      options.skipImport
        ? noop()
        : importIntoModule(host, plan.app.moduleFile, plan.names.versionsName, versionsFile),
      (_, context) => {
        if (plan.createsApp) context.logger.info(`Created the ${request.app} app.`);
        context.logger.info(`API ${request.app}/${request.api} is in ${display(plan.dir)}.`);
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
): Source {
  const file = (name: string) => posix.join(plan.dir, `${plan.names.file}.${name}.ts`);
  const sibling = (name: string) => importPath(file('versions'), file(name), host.esm);
  return apply(url('./files'), [
    options.spec === false
      ? filter((path) => !path.endsWith('.__specFileSuffix__.ts.template'))
      : noop(),
    template({
      ...apiTemplateOptions(
        plan.names,
        host,
        1,
        options.specFileSuffix || 'spec',
        sibling('versions'),
      ),
      apiClassImport: sibling('v1.api'),
      processMode,
      routePath: request.path ?? `${request.app}/${request.api}`,
      customPath: request.path ?? '',
    }),
    renameTemplateFiles(),
    move(plan.dir),
  ]);
}

/** The app schematic's options for the app an API creates: the default place, the same root. */
function newAppOptions(options: ApiOptions, request: ApiRequest): AppOptions {
  return {
    name: request.app,
    ...(options.skipImport !== undefined && { skipImport: options.skipImport }),
    ...(options.sourceRoot !== undefined && { sourceRoot: options.sourceRoot }),
  };
}

function processModeOf(type: string | undefined): 'direct' | 'queue' {
  if (type === undefined || type === 'direct' || type === 'queue') return type ?? 'direct';
  throw new SchematicsException(
    `--type '${type}' is not a processMode: use --type direct (the default) or --type queue.`,
  );
}
