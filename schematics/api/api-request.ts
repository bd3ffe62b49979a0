import { SchematicsException } from '@angular-devkit/schematics';
import type { MindoffApp } from '../utils/apps';
import { invalidApiPath, invalidName, missingApiName, missingApp, noApps } from '../utils/messages';
import { toSnakeName } from '../utils/name-input';
import { askUntil, type Prompter } from '../utils/prompter';
import { apiMethod, type ApiMethod } from './api-method';
import type { ApiOptions } from './schema';
import { readUrlPatterns, type PathParam, type UrlPatterns } from './url-patterns';

/** Which API to create, once the command line and the prompts have said it. */
export interface ApiRequest {
  app: string;
  api: string;
  /** The routes after `/v<n>/` (`orders/get_order/:order_id`), when not the default `<app>/<api>`. */
  paths?: string[];
  /** The path parameters the routes share, for the API's `params`. */
  params: PathParam[];
  /** `--method`, else the one the name suggests. */
  method: ApiMethod;
}

/**
 * Reads app, API name, URL patterns and method from the options, which the Nest CLI asks for in
 * a terminal (the schema's `x-prompt`s). The app is the one question a schema cannot ask, since
 * its choices are the apps of the project: when the name has none, it is asked from the list of
 * apps in a terminal, else the message says what to pass.
 */
export async function resolveApiRequest(
  options: ApiOptions,
  apps: MindoffApp[],
  prompter: Prompter | null,
): Promise<ApiRequest> {
  const parts = (options.name ?? '').trim().split('/');
  if (parts.length > 2) throw new SchematicsException(invalidApiPath(options.name ?? ''));
  const [first, second] = parts;
  const rawApi = parts.length === 2 ? second : first;
  if (rawApi === '') throw new SchematicsException(missingApiName());
  const api = required(rawApi, 'API');
  const app = parts.length === 2 ? required(first, 'app') : await askApp(apps, prompter, api);
  const { patterns, params } =
    (options.url ?? '').trim() === ''
      ? { patterns: [api], params: [] }
      : requiredPatterns(options.url ?? '');
  const isDefault = patterns.length === 1 && patterns[0] === api;
  return {
    app,
    api,
    ...(!isDefault && { paths: patterns.map((pattern) => `${app}/${pattern}`) }),
    params,
    method: apiMethod(options.method, api),
  };
}

function required(input: string, kind: 'API' | 'app'): string {
  const name = toSnakeName(input);
  if (!name) throw new SchematicsException(invalidName(kind, input));
  return name;
}

function requiredPatterns(input: string): UrlPatterns {
  const read = readUrlPatterns(input);
  if (typeof read === 'string') throw new SchematicsException(read);
  return read;
}

async function askApp(apps: MindoffApp[], prompter: Prompter | null, api: string): Promise<string> {
  const names = apps.map((app) => app.name);
  if (!prompter) throw new SchematicsException(missingApp(api, names));
  if (names.length === 0) prompter.say(noApps());
  else prompter.say(['Apps:', ...names.map((name, i) => `  ${i + 1}. ${name}`)].join('\n'));
  return askUntil(
    prompter,
    names.length > 0 ? 'Which app? (number or name): ' : 'App name: ',
    (answer) => names[Number(answer) - 1] ?? toSnakeName(answer),
    (answer) => invalidName('app', answer),
  );
}
