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
  /** `--method` (asked by the schema's prompt in a terminal), else the one the name suggests. */
  method: ApiMethod;
}

/**
 * Reads app, API name, URL patterns and method from the options; in a terminal, asks for what is
 * missing (the app from the list of apps, the name until it is valid, the URL patterns), else says
 * what to pass. The method has a default, the one the name suggests, which the Nest CLI offers
 * first when it asks (the schema's `x-prompt`).
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
  const app = parts.length === 2 ? required(first, 'app') : await askApp(apps, prompter, rawApi);
  const api = rawApi === '' ? await askApiName(prompter) : required(rawApi, 'API');
  const byDefault: UrlPatterns = { patterns: [api], params: [] };
  const { patterns, params } =
    options.url !== undefined
      ? requiredPatterns(options.url)
      : prompter
        ? await askUntil(
            prompter,
            `URL patterns after /v<n>/${app}/, comma-separated (blank for ${api}/): `,
            (answer) => (answer === '' ? byDefault : acceptedPatterns(answer)),
            (answer) => String(readUrlPatterns(answer)),
          )
        : byDefault;
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

function acceptedPatterns(input: string): UrlPatterns | undefined {
  const read = readUrlPatterns(input);
  return typeof read === 'string' ? undefined : read;
}

async function askApp(apps: MindoffApp[], prompter: Prompter | null, api: string): Promise<string> {
  const names = apps.map((app) => app.name);
  if (!prompter) throw new SchematicsException(missingApp(api || '<api_name>', names));
  if (names.length === 0) prompter.say(noApps());
  else prompter.say(['Apps:', ...names.map((name, i) => `  ${i + 1}. ${name}`)].join('\n'));
  return askUntil(
    prompter,
    names.length > 0 ? 'Which app? (number or name): ' : 'App name: ',
    (answer) => names[Number(answer) - 1] ?? toSnakeName(answer),
    (answer) => invalidName('app', answer),
  );
}

async function askApiName(prompter: Prompter | null): Promise<string> {
  if (!prompter) throw new SchematicsException(missingApiName());
  return askUntil(prompter, 'API name (snake_case, e.g. create_order): ', toSnakeName, (answer) =>
    invalidName('API', answer),
  );
}
