/**
 * A failure the CLI reports as one message (what went wrong and how to fix it) and exit code 1,
 * without a stack trace.
 *
 * @example
 * throw new MindoffCliError('--out needs a file path, e.g. --out src/api/client.ts.');
 */
export class MindoffCliError extends Error {
  override readonly name = 'MindoffCliError';
}
