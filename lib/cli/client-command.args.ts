import { MindoffCliError } from './cli.error';
import { isDeclarableName } from './ts-names';

/** The options of `mindoff client`. */
export interface ClientCommandArgs {
  /** A file path or an http(s) URL of the OpenAPI document. */
  source: string;
  /** Where to write the module; standard output when undefined. */
  out?: string;
  /** The prefix of the `Apis` type (`<name>Apis`). Default `App`. */
  name: string;
  /** The name of the client factory. Default `createApiClient`. */
  factory: string;
  /** Headers sent when the document is fetched (e.g. `Authorization`); never written out. */
  headers: [string, string][];
  help: boolean;
}

/** What `mindoff client --help` prints. */
export const CLIENT_USAGE = `Usage: mindoff client <openapi.json | http(s)://host/docs-json> [options]

Writes one TypeScript module with the app's typed client: the Apis type of every API version,
the route table, and a factory over createMindoffClient from mindoff/client.

Options:
  -o, --out <file>          where to write the module (default: standard output)
  --name <Name>             the Apis type is <Name>Apis (default: App)
  --factory <name>          the client factory's name (default: createApiClient)
  -H, --header "<Name>: <value>"
                            a header to send when fetching the document (repeatable; not written out)
  -h, --help                this text
`;

const VALUE_FLAGS: Record<string, keyof ClientCommandArgs> = {
  '-o': 'out',
  '--out': 'out',
  '--name': 'name',
  '--factory': 'factory',
  '-H': 'headers',
  '--header': 'headers',
};
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The options of `mindoff client` from its arguments (after the command name); throws a
 * `MindoffCliError` that says the fix for anything it cannot use.
 *
 * @example
 * parseClientArgs(['docs.json', '--out', 'src/api/client.ts']); // { source: 'docs.json', out: 'src/api/client.ts', name: 'App', … }
 */
export function parseClientArgs(argv: readonly string[]): ClientCommandArgs {
  const args: ClientCommandArgs = {
    source: '',
    name: 'App',
    factory: 'createApiClient',
    headers: [],
    help: false,
  };
  const sources: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      args.help = true;
      continue;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? splitOnce(arg, '=') : [arg];
    const field = VALUE_FLAGS[flag];
    if (field === undefined) {
      if (arg.startsWith('-') && arg !== '-') {
        throw new MindoffCliError(`unknown option ${arg}; see mindoff client --help.`);
      }
      sources.push(arg);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') {
      throw new MindoffCliError(`${flag} needs a value; see mindoff client --help.`);
    }
    if (field === 'headers') addHeader(args.headers, value);
    else (args as unknown as Record<string, string>)[field] = value;
  }
  if (args.help) return args;
  if (sources.length !== 1) {
    throw new MindoffCliError(
      `give one OpenAPI document (a file, or a URL such as http://localhost:3000/docs-json)${sources.length ? `, not ${sources.length}` : ''}.`,
    );
  }
  args.source = sources[0];
  if (!isDeclarableName(args.name) || !isDeclarableName(`${args.name}Apis`)) {
    throw new MindoffCliError(
      `--name ${args.name} must be an identifier such as Shop (giving ShopApis).`,
    );
  }
  if (!isDeclarableName(args.factory) || args.factory === `${args.name}Apis`) {
    throw new MindoffCliError(
      `--factory ${args.factory} must be an identifier other than ${args.name}Apis, such as createShopClient.`,
    );
  }
  return args;
}

function addHeader(headers: [string, string][], text: string): void {
  const [name, value] = splitOnce(text, ':');
  if (value === undefined || !HEADER_NAME.test(name.trim())) {
    throw new MindoffCliError(`--header must look like "Authorization: Bearer <token>".`);
  }
  headers.push([name.trim(), value.trim()]);
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}
