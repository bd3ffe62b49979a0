import { SchematicsException, type Rule } from '@angular-devkit/schematics';
import { findApps } from '../utils/apps';
import { display } from '../utils/module-registration';
import { terminalPrompter, type Prompter } from '../utils/prompter';
import { readHostProject } from '../utils/project';
import { resolveApiRequest } from './api-request';
import { generateApi } from './generate-api';
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
  return async (tree, context) => {
    const processMode = processModeOf(options.type);
    const host = readHostProject(tree, options);
    const request = await resolveApiRequest(options, findApps(tree, host.sourceRoot), prompter);
    const generated = generateApi(tree, host, options, request, processMode);
    if (generated.createdApp) context.logger.info(`Created the ${request.app} app.`);
    context.logger.info(`API ${request.app}/${request.api} is in ${display(generated.dir)}.`);
    return tree;
  };
}

function processModeOf(type: string | undefined): 'direct' | 'queue' {
  if (type === undefined || type === 'direct' || type === 'queue') return type ?? 'direct';
  throw new SchematicsException(
    `--type '${type}' is not a processMode: use --type direct (the default) or --type queue.`,
  );
}
