import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** One real process of the sample (`sample/main.ts`), API-only or worker-only. */
export interface SampleProcess {
  role: 'api' | 'worker';
  /** `http://127.0.0.1:<port>` of an API process. */
  url: string;
  child: ChildProcess;
  /** Ends the process with `signal` and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the sample the way a user runs it, with `env` added to this process's environment, and
 * waits until it serves HTTP (api) or runs tasks (worker).
 */
export async function startSample(
  role: 'api' | 'worker',
  port: number,
  env: Record<string, string>,
): Promise<SampleProcess> {
  const child = spawn(
    process.execPath,
    ['--require', join(ROOT, 'test/support/ts-register.js'), join(ROOT, 'sample/main.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, MINDOFF_ROLE: role, PORT: String(port), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ready = role === 'api' ? 'mindoff sample listening' : 'mindoff sample worker running';
  const deadline = Date.now() + 60_000;
  while (!output.includes(ready)) {
    if (child.exitCode !== null) throw new Error(`sample ${role} exited at start:\n${output}`);
    if (Date.now() > deadline) throw new Error(`sample ${role} did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    role,
    url: `http://127.0.0.1:${port}`,
    child,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}
