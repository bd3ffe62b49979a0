import { once } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';

/** A TCP proxy in front of a Redis, with which a test breaks connections the way a network does. */
export interface RedisProxy {
  /** Where clients connect (`redis://127.0.0.1:<port>`). */
  url: string;
  /** Drops every proxied connection at once, as a Redis restart or a network cut would. */
  dropConnections(): void;
  /**
   * From now on, a connection whose client sends a command matching `command` gets no reply to it
   * or to anything after it (the server's answers are swallowed), until it is dropped; `undefined`
   * ends that for new commands.
   */
  holdRepliesAfter(command: RegExp | undefined): void;
  /** Resolves once a client has sent a command matching `command` (from now on). */
  sent(command: RegExp): Promise<void>;
  close(): Promise<void>;
}

/** Starts a proxy on a spare loopback port that forwards to the Redis at `target` (a URL). */
export async function startRedisProxy(target: string): Promise<RedisProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let hold: RegExp | undefined;
  const watchers: { command: RegExp; seen: () => void }[] = [];
  const server: Server = createServer((client) => {
    const upstream = connect(Number(port || 6379), hostname);
    let held = false;
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (data: Buffer) => {
      const text = data.toString('latin1');
      if (hold?.test(text)) held = true;
      for (const watcher of [...watchers]) {
        if (!watcher.command.test(text)) continue;
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.seen();
      }
      upstream.write(data);
    });
    upstream.on('data', (data: Buffer) => {
      if (!held) client.write(data);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port: own } = server.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${own}`,
    dropConnections: () => {
      for (const socket of sockets) socket.destroy();
    },
    holdRepliesAfter: (command) => {
      hold = command;
    },
    sent: (command) => new Promise<void>((seen) => watchers.push({ command, seen })),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
