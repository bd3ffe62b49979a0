/**
 * What the CLI reads from and writes to: the process's, or a test's.
 *
 * @example
 * const io: CliIo = { cwd: process.cwd(), stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), fetch };
 */
export interface CliIo {
  /** Where relative paths start. */
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
}
