import { SchematicsException } from '@angular-devkit/schematics';
import type { MindoffApp } from '../utils/apps';
import {
  invalidApiPath,
  invalidName,
  invalidUrlPattern,
  missingApiName,
  missingApp,
  noApps,
} from '../utils/messages';
import { toSnakeName } from '../utils/name-input';
import { askUntil, type Prompter } from '../utils/prompter';
import type { ApiOptions } from './schema';

/** Which API to create, once the command line and the prompts have said it. */
export interface ApiRequest {
  app: string;
  api: string;
  /** The route after `/v<n>/`, when not the default `<app>/<api>`. */
  path?: string;
}

/**
 * Reads app, API name and URL pattern from the options; in a terminal, asks for what is missing
 * (the app from the list of apps, the name until it is valid, the URL pattern), else says what to pass.
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
  const pattern =
    options.url !== undefined
      ? requiredPattern(options.url)
      : prompter
        ? await askUntil(
            prompter,
            `URL pattern after /v<n>/${app}/ (blank for ${api}/): `,
            (answer) => (answer === '' ? '' : urlPattern(answer)),
            invalidUrlPattern,
          )
        : '';
  const path = pattern === '' || pattern === api ? undefined : `${app}/${pattern}`;
  return { app, api, path };
}

/** `/create_order/:id` → `create_order/:id`; undefined when it is not a valid pattern. */
export function urlPattern(input: string): string | undefined {
  const pattern = input.trim().replace(/^\/+|\/+$/g, '');
  const segment = /^(?:[A-Za-z0-9_-]+|:[A-Za-z_][A-Za-z0-9_]*)$/;
  return pattern !== '' && pattern.split('/').every((part) => segment.test(part))
    ? pattern
    : undefined;
}

function required(input: string, kind: 'API' | 'app'): string {
  const name = toSnakeName(input);
  if (!name) throw new SchematicsException(invalidName(kind, input));
  return name;
}

function requiredPattern(input: string): string {
  const pattern = urlPattern(input);
  if (pattern === undefined) throw new SchematicsException(invalidUrlPattern(input));
  return pattern;
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
