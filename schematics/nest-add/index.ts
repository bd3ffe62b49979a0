import { SchematicsException, type Rule, type Tree } from '@angular-devkit/schematics';
import { posix } from 'node:path';
import { rootModuleFile } from '../app/create-app';
import { noRootModule } from '../utils/messages';
import { display, importIntoModule } from '../utils/module-registration';
import { readHostProject, readJson, readTextOrNull } from '../utils/project';
import { tolerateTrailingSlash } from './fastify-adapter';
import { RESPONSES_CSV } from './responses-csv.template';
import type { NestAddOptions } from './schema';

const RESPONSES_FILE = '/config/responses.csv';

/**
 * `nest add mindoff`: imports `MindoffModule.forRoot()` in the root module, adds
 * `config/responses.csv`, makes mindoff the app's schematics collection (it extends Nest's, so
 * `nest g controller` still works) and, on fastify, tolerates trailing slashes. A second run
 * changes nothing.
 */
export function main(options: NestAddOptions): Rule {
  return (tree, context) => {
    const host = readHostProject(tree, options);
    const root = rootModuleFile(host);
    if (!tree.exists(root)) throw new SchematicsException(noRootModule(display(root)));
    importIntoModule(tree, host, root, 'MindoffModule', 'mindoff', 'MindoffModule.forRoot()');
    if (!tree.exists(RESPONSES_FILE)) tree.create(RESPONSES_FILE, RESPONSES_CSV);
    useMindoffCollection(tree);
    const warning = fastifyTrailingSlash(tree, posix.join(host.sourceRoot, 'main.ts'));
    if (warning) context.logger.warn(warning);
    return tree;
  };
}

function useMindoffCollection(tree: Tree): void {
  const config = readJson(tree, '/nest-cli.json');
  if (config?.collection === 'mindoff') return;
  const updated = config
    ? { ...config, collection: 'mindoff' }
    : { $schema: 'https://json.schemastore.org/nest-cli', collection: 'mindoff' };
  const text = `${JSON.stringify(updated, null, 2)}\n`;
  if (config) tree.overwrite('/nest-cli.json', text);
  else tree.create('/nest-cli.json', text);
}

/** Edits the fastify adapter in main.ts; returns what to do by hand when it cannot. */
function fastifyTrailingSlash(tree: Tree, mainFile: string): string | undefined {
  const text = readTextOrNull(tree, mainFile);
  if (text === null) return undefined;
  const edited = tolerateTrailingSlash(text);
  if (edited === undefined) {
    return `${display(mainFile)}: give the FastifyAdapter routerOptions: { ignoreTrailingSlash: true } so /v1/app/api/ and /v1/app/api reach the same API.`;
  }
  if (edited !== text) tree.overwrite(mainFile, edited);
  return undefined;
}
