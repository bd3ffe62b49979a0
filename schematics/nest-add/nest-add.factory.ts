import { chain, mergeWith, noop, url, type Rule, type Tree } from '@angular-devkit/schematics';
import { importIntoModule } from '../utils/module-registration';
import { readHostProject, readJson } from '../utils/project';
import { existingRootModule } from '../utils/root-module';
import type { NestAddOptions } from './schema';

/** The app's response catalog (`files/config/responses.csv`), kept as it is when it exists. */
const RESPONSES_FILE = '/config/responses.csv';

/**
 * `nest add mindoff`: imports `MindoffModule.forRoot()` in the root module, adds
 * `config/responses.csv` and makes mindoff the app's schematics collection (it extends Nest's, so
 * `nest g controller` still works). It leaves main.ts and package.json as they are and installs
 * nothing (the Nest CLI installs the package before running it, unless `--skip-install`). A
 * second run changes nothing.
 */
export function main(options: NestAddOptions): Rule {
  return (tree) => {
    const host = readHostProject(tree, options);
    const root = existingRootModule(tree, host);
    return chain([
      importIntoModule(host, root, 'MindoffModule', 'mindoff', 'MindoffModule.forRoot()'),
      tree.exists(RESPONSES_FILE) ? noop() : mergeWith(url('./files')),
      useMindoffCollection,
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
