import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

/** The sample's entry point (sample/main.ts), compiled with the bench code by bench/run.sh. */
const SAMPLE_MAIN = join(__dirname, '..', '..', 'sample', 'main.js');
const READY = 'mindoff sample listening';
/** Variables of the bench's own environment that would change what the sample runs. */
const CLEARED = ['REDIS_URL', 'MINDOFF_ROLE', 'GLOBAL_PREFIX', 'HOST', 'QUEUE_LOCK_MS'];

/** The sample running as its own process. */
export interface SampleProcess {
  pid: number;
  /** Lines of its output since it started listening that report an error (Nest's `ERROR`). */
  errorLines(): number;
  /** Ends it with SIGTERM (SIGKILL on the same PID after 10 s) and waits for it to exit. */
  stop(): Promise<void>;
}

const ERROR_LINE = /\bERROR\b|Unhandled|uncaught/g;

function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => resolve(!socket.destroy()));
    socket.on('error', () => resolve(false));
  });
}

/**
 * Starts the sample the way a user does (`node <compiled sample>/main.js`, from the repository
 * root, NODE_ENV=production) with `env` on top of this process's environment minus `CLEARED`,
 * writes its output to `logFile`, and resolves once it listens on `port`.
 */
export async function startSample(
  port: number,
  env: Record<string, string>,
  logFile: string,
): Promise<SampleProcess> {
  if (await portTaken(port)) throw new Error(`port ${port} is taken; set LOAD_PORT to a free one`);
  const base = { ...process.env };
  for (const name of CLEARED) delete base[name];
  const child: ChildProcess = spawn(process.execPath, [SAMPLE_MAIN], {
    cwd: process.cwd(),
    env: { ...base, ...env, PORT: String(port), NODE_ENV: 'production', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  const exited = once(child, 'exit');
  let ready = false;
  let errorLines = 0;
  let seen = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the sample did not start (${logFile})`)),
      60_000,
    );
    const output = (chunk: Buffer) => {
      log.write(chunk);
      const text = chunk.toString();
      if (ready) return void (errorLines += text.match(ERROR_LINE)?.length ?? 0);
      seen = (seen + text).slice(-500);
      if (!seen.includes(READY)) return;
      ready = true;
      clearTimeout(timer);
      resolve();
    };
    child.stdout!.on('data', output);
    child.stderr!.on('data', output);
    // `exited` rejects when the child cannot be spawned at all.
    exited.then(() => reject(new Error(`the sample exited at start (${logFile})`)), reject);
  });
  return {
    pid: child.pid!,
    errorLines: () => errorLines,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
      log.end();
    },
  };
}

/** `/proc/<pid>/<file>`, or '' once the process is gone. */
function proc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

/** Resident set size of `pid` in MB, from /proc/<pid>/status (Linux); NaN once it is gone. */
export function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(proc(pid, 'status'))?.[1] ?? NaN) / 1024;
}

const HZ = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100;

/** CPU seconds `pid` has used so far (user + system), from /proc/<pid>/stat; NaN once gone. */
export function cpuSeconds(pid: number): number {
  const stat = proc(pid, 'stat');
  if (!stat) return NaN;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / HZ;
}
