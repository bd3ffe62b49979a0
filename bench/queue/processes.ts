import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const DIST = join(__dirname, '..', 'servers');

/** A bench server started as its own process, ready once it printed its `listening` line. */
export interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServer(
  name: string,
  port: number,
  env: Record<string, string> = {},
): Promise<Server> {
  const child = spawn(process.execPath, [join(DIST, `${name}.js`)], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resident set size of a process in MB (Linux). */
export function rssMb(pid: number): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const status = (require('node:fs') as typeof import('node:fs')).readFileSync(
    `/proc/${pid}/status`,
    'utf8',
  );
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** One wrk run's figures (the RESULT line of bench/wrk/post.lua). */
export interface WrkResult {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  non2xx: number;
}

export function wrk(url: string, bodyFile: string, seconds: number): Promise<WrkResult> {
  const child = spawn(
    process.env.WRK ?? 'wrk',
    ['-t2', '-c50', `-d${seconds}s`, '-s', join(process.cwd(), 'bench/wrk/post.lua'), url],
    { env: { ...process.env, BODY_FILE: bodyFile }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', () => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) return reject(new Error(`wrk printed no RESULT line:\n${out}`));
      const fields = Object.fromEntries(
        line
          .slice(7)
          .split(' ')
          .map((kv) => kv.split('='))
          .map(([k, v]) => [k, Number(v)]),
      ) as Record<string, number>;
      resolve({
        rps: fields.rps!,
        p50_ms: fields.p50_ms!,
        p99_ms: fields.p99_ms!,
        non2xx: fields.non2xx!,
      });
    });
  });
}
