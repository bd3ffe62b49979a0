import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { mustRun, run, type Ran } from '../../support/shell';

/** A copy of one committed fixture app (as `nest new` makes it) in a temporary folder. */
export class FixtureApp {
  readonly dir: string;

  constructor(fixture: string, parent: string) {
    this.dir = join(parent, fixture);
    cpSync(join(__dirname, '..', 'fixtures', fixture), this.dir, { recursive: true });
  }

  /**
   * Installs the app's locked dependencies and the packed library (nothing else: passport and
   * the other optional peers are loaded only when used). npm's cache makes reruns fast.
   */
  install(tarball: string): Promise<string> {
    return mustRun(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball],
      this.dir,
    );
  }

  /** The Nest CLI of the app, as `npx nest ...` runs it. It exits 0 even when it fails. */
  nest(...args: string[]): Promise<Ran> {
    return run(
      process.execPath,
      [join('node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), ...args],
      this.dir,
    );
  }

  /**
   * The schematics CLI the Nest CLI runs (`schematics mindoff:api ...`), for the options `nest g`
   * does not pass on (`--url`, `--deprecate-previous`, `--sunset`).
   */
  schematics(...args: string[]): Promise<Ran> {
    const bin = join('node_modules', '@angular-devkit', 'schematics-cli', 'bin', 'schematics.js');
    return run(process.execPath, [bin, ...args], this.dir);
  }

  /** A binary of the app's own dependencies (`prettier`, `oxlint`), as `npx` runs it. */
  npx(...args: string[]): Promise<Ran> {
    return run('npx', ['--no-install', ...args], this.dir);
  }

  /** An npm script of the app (`build`, `test`). */
  npm(script: string): Promise<Ran> {
    return run('npm', ['run', script], this.dir);
  }

  /** Every source and config file (not node_modules or dist) with its text. */
  files(dir = this.dir): Record<string, string> {
    const found: Record<string, string> = {};
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'dist') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) Object.assign(found, this.files(path));
      else found[relative(this.dir, path)] = readFileSync(path, 'utf8');
    }
    return found;
  }

  /** Starts the built app (`node dist/main.js`) on a free port until `stop()`. */
  async start(): Promise<{ url: string; stop(): void }> {
    const port = await freePort();
    const child: ChildProcess = spawn(process.execPath, ['dist/main.js'], {
      cwd: this.dir,
      env: { ...process.env, PORT: String(port), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout!.on('data', (chunk) => (log += chunk));
    child.stderr!.on('data', (chunk) => (log += chunk));
    const url = `http://127.0.0.1:${port}`;
    for (let tries = 0; ; tries++) {
      try {
        await fetch(url);
        return { url, stop: () => child.kill() };
      } catch {
        if (child.exitCode !== null || tries > 100) {
          child.kill();
          throw new Error(`the app did not start:\n${log}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
}

/** CREATE and UPDATE lines of the Nest CLI's output, without byte counts, sorted. */
export function changes(output: string): string[] {
  return [...output.matchAll(/^(CREATE|UPDATE) (\S+)/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
