import { MindoffCliError } from './cli.error';
import type { CliIo } from './cli-io';
import { clientCommand } from './client.command';

/** What `mindoff --help` prints. */
export const USAGE = `Usage: mindoff <command> [options]

Commands:
  client <openapi.json | http(s)://host/docs-json> [--out <file>]
      write a standalone typed client module (mindoff/client) from the app's OpenAPI document

Run mindoff <command> --help for a command's options.
`;

const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => Promise<number>> = {
  client: clientCommand,
};

/**
 * Runs the `mindoff` command line and resolves with its exit code: 0 when done, 1 with one message
 * on standard error when it could not (a `MindoffCliError` says the fix; anything else is shown with
 * its stack).
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), io);
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? 1 : 0;
  }
  const run = Object.prototype.hasOwnProperty.call(COMMANDS, command)
    ? COMMANDS[command]
    : undefined;
  if (run === undefined) {
    io.stderr(`mindoff: unknown command ${JSON.stringify(command)}.\n\n${USAGE}`);
    return 1;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    io.stderr(
      error instanceof MindoffCliError
        ? `mindoff ${command}: ${error.message}\n`
        : `mindoff ${command} failed: ${(error as { stack?: string } | null)?.stack ?? String(error)}\n`,
    );
    return 1;
  }
}
