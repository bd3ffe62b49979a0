import { chain, mergeWith, noop, url, type Rule, type Tree } from '@angular-devkit/schematics';
import { posix } from 'node:path';
import { display, importIntoModule } from '../utils/module-registration';
import { readHostProject, readJson, readTextOrNull } from '../utils/project';
import { existingRootModule } from '../utils/root-module';
import { tolerateTrailingSlash } from './fastify-adapter';
import type { NestAddOptions } from './schema';

/** The app's response catalog (`files/config/responses.csv`), kept as it is when it exists. */
const RESPONSES_FILE = '/config/responses.csv';

/**
 * `nest add mindoff`: imports `MindoffModule.forRoot()` in the root module, adds
 * `config/responses.csv`, makes mindoff the app's schematics collection (it extends Nest's, so
 * `nest g controller` still works) and, on fastify, tolerates trailing slashes. A second run
 * changes nothing.
 */
export function main(options: NestAddOptions): Rule {
  return (tree) => {
    const host = readHostProject(tree, options);
    const root = existingRootModule(tree, host);
    return chain([
      importIntoModule(host, root, 'MindoffModule', 'mindoff', 'MindoffModule.forRoot()'),
      tree.exists(RESPONSES_FILE) ? noop() : mergeWith(url('./files')),
      useMindoffCollection,
      fastifyTrailingSlash(posix.join(host.sourceRoot, 'main.ts')),
    ]);
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

/** Edits the fastify adapter in main.ts; warns what to do by hand when it cannot. */
function fastifyTrailingSlash(mainFile: string): Rule {
  return (tree, context) => {
    const text = readTextOrNull(tree, mainFile);
    if (text === null) return;
    const edited = tolerateTrailingSlash(text);
    if (edited === undefined) {
      context.logger.warn(
        `${display(mainFile)}: give the FastifyAdapter routerOptions: { ignoreTrailingSlash: true } so /v1/app/api/ and /v1/app/api reach the same API.`,
      );
    } else if (edited !== text) {
      tree.overwrite(mainFile, edited);
    }
  };
}
