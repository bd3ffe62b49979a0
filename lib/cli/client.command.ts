import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { MindoffCliError } from './cli.error';
import type { CliIo } from './cli-io';
import { CLIENT_USAGE, parseClientArgs, type ClientCommandArgs } from './client-command.args';
import { writeClientModule } from './client-module.writer';
import { documentedApis } from './openapi-apis';
import { displaySource, loadOpenApiDocument } from './openapi-document.loader';

/**
 * `mindoff client <document> [--out file]`: reads the app's OpenAPI document and writes the typed
 * client module (to `--out`, else to standard output); warnings and the summary go to standard
 * error. Resolves with the exit code.
 *
 * @example
 * await clientCommand(['http://127.0.0.1:3000/docs-json', '--out', 'src/api/client.ts'], io); // 0
 */
export async function clientCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseClientArgs(argv);
  if (args.help) {
    io.stdout(CLIENT_USAGE);
    return 0;
  }
  const document = await loadOpenApiDocument(args.source, {
    cwd: io.cwd,
    fetch: io.fetch,
    headers: args.headers,
  });
  const documented = documentedApis(document);
  if (documented.apis.length === 0) {
    throw new MindoffCliError(
      `${displaySource(args.source)} lists no mindoff API (operationIds <urlName>_v<n> under /v<n>/): build it with MindoffOpenApi.createDocument(app, config), not SwaggerModule.createDocument alone.`,
    );
  }
  const text = writeClientModule(document, documented, {
    apisType: `${args.name}Apis`,
    factory: args.factory,
    command: regenerateCommand(args),
  });
  for (const warning of documented.warnings) io.stderr(`warning: ${warning}\n`);
  const names = new Set(documented.apis.map((api) => api.urlName));
  const queued = documented.apis.filter((api) => api.queued).length;
  const summary = `${names.size} APIs, ${documented.apis.length} versions (${queued} in queue mode)`;
  if (args.out === undefined) {
    io.stdout(text);
    io.stderr(`Wrote the client of ${summary}.\n`);
    return 0;
  }
  const target = resolve(io.cwd, args.out);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
  io.stderr(`Wrote ${args.out}: ${summary}.\n`);
  return 0;
}

function regenerateCommand(args: ClientCommandArgs): string {
  const words = ['npx mindoff client', displaySource(args.source)];
  if (args.out !== undefined) words.push('--out', args.out);
  if (args.name !== 'App') words.push('--name', args.name);
  if (args.factory !== 'createApiClient') words.push('--factory', args.factory);
  return words.join(' ');
}
