import { execFile } from 'node:child_process';

/** What a command printed (colours stripped) and how it ended. */
export interface Ran {
  code: number;
  output: string;
}

/** Runs a command to the end without a shell; never rejects, so the caller checks `code`. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: stripAnsi(`${stdout}${stderr}`) });
      },
    );
  });
}

/** Like `run`, but fails with the command's output when it exits non-zero. */
export async function mustRun(command: string, args: string[], cwd: string): Promise<string> {
  const ran = await run(command, args, cwd);
  if (ran.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${ran.code} in ${cwd}:\n${ran.output}`);
  }
  return ran.output;
}

function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
}
