import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, Socket } from 'node:net';

/** A `redis-server` of the test's own, on a spare loopback port, that the test may kill and restart. */
export interface PrivateRedis {
  port: number;
  url: string;
  /** Kills the server at once (SIGKILL), as a crash would, and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts a fresh, empty server on the same port and waits until it answers. */
  restart(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export async function sparePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Starts `redis-server` without persistence on a spare port (never the shared 6379), so a test
 * can take Redis away from an app and give it back.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await sparePort();
  let child = await launch(port);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill: () => killRedis(child),
    restart: async () => {
      child = await launch(port);
    },
  };
}

async function launch(port: number): Promise<ChildProcess> {
  return launchRedis(port, ['--port', String(port), '--bind', '127.0.0.1']);
}

/**
 * Starts `redis-server` with `args` (after mindoff's no-persistence settings) and waits until the
 * server on `port` answers (`answers`: PING over plain TCP unless said otherwise, e.g. over TLS).
 * Used by the topology helpers (Cluster nodes, Sentinel sets, a TLS server).
 */
export async function launchRedis(
  port: number,
  args: string[],
  answers: (port: number) => Promise<boolean> = answersPing,
): Promise<ChildProcess> {
  const child = spawn('redis-server', [...args, '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const deadline = Date.now() + 10_000;
  while (!(await answers(port))) {
    if (child.exitCode !== null) throw new Error(`redis-server on port ${port} exited at start`);
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return child;
}

/** Kills `child` at once (SIGKILL), as a crash would, and waits for it to exit. */
export async function killRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

/** Whether a Redis on `port` answers PING (raw RESP, so no client and no retries are involved). */
export function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    // A server that wants a password first is up too.
    socket.once('data', (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString())));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
  });
}
