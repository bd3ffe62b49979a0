import type { LoggerService } from '@nestjs/common';
import { connect, type Socket } from 'node:net';
import { BodyRulesModule } from '../fixtures/body-rules.module';
import { ADAPTERS, call, startApp, type RunningApp } from '../support/http-app';

type Level = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';
interface Entry {
  level: Level;
  message: unknown;
  rest: unknown[];
}

/** Every line the app logs, with its level. */
class CapturingLogger implements LoggerService {
  readonly entries: Entry[] = [];
  log = (message: unknown, ...rest: unknown[]) => this.add('log', message, rest);
  error = (message: unknown, ...rest: unknown[]) => this.add('error', message, rest);
  warn = (message: unknown, ...rest: unknown[]) => this.add('warn', message, rest);
  debug = (message: unknown, ...rest: unknown[]) => this.add('debug', message, rest);
  verbose = (message: unknown, ...rest: unknown[]) => this.add('verbose', message, rest);
  fatal = (message: unknown, ...rest: unknown[]) => this.add('fatal', message, rest);

  private add(level: Level, message: unknown, rest: unknown[]): void {
    this.entries.push({ level, message, rest });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a 10,000-byte upload, sends its first bytes, then hangs up as `hangUp` says. */
async function abandonUpload(url: string, hangUp: (socket: Socket) => void): Promise<void> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.on('error', () => undefined);
  socket.write(
    'POST /v1/body/echo/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
      'Content-Length: 10000\r\n\r\n{"n":1,"text":"',
  );
  // An explicit 100 ms window for the first bytes to reach the server's body reader (nothing the
  // client can see tells when they did), so the hang-up comes mid-body, not before it.
  await sleep(100);
  hangUp(socket);
}

describe.each(ADAPTERS)('an upload the client abandons, on %s', (adapter) => {
  const logger = new CapturingLogger();
  const failures: unknown[] = [];
  const record = (error: unknown) => failures.push(error);
  let server: RunningApp;

  beforeAll(async () => {
    process.on('unhandledRejection', record);
    process.on('uncaughtException', record);
    server = await startApp(BodyRulesModule.with(), adapter, { options: { logger } });
  });
  afterAll(async () => {
    await server.close();
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
  });
  beforeEach(() => {
    logger.entries.length = 0;
  });

  const aborts = () =>
    logger.entries.filter(
      (entry) => typeof entry.message === 'string' && /aborted its upload/.test(entry.message),
    );

  async function settle(): Promise<void> {
    for (let waited = 0; aborts().length === 0 && waited < 3000; waited += 20) await sleep(20);
    // An explicit 200 ms window after the abort was logged: anything logged late (the refusal
    // sent to nobody) shows up in it, and must not be there.
    await sleep(200);
  }

  it.each([
    ['closes the connection', (socket: Socket) => socket.destroy()],
    ['resets the connection', (socket: Socket) => socket.resetAndDestroy()],
    ['half-closes its side', (socket: Socket) => socket.end()],
  ])('is logged once at debug level, without a stack, when the client %s', async (_how, hangUp) => {
    await abandonUpload(server.url, hangUp);
    await settle();
    expect(aborts()).toEqual([
      {
        level: 'debug',
        message: expect.stringMatching(
          /^request_id=[0-9a-f-]{36} POST \/v1\/body\/echo\/: the client aborted its upload after \d+ byte\(s\) of the body/,
        ),
        rest: ['Mindoff'],
      },
    ]);
    const loud = logger.entries.filter((e) => ['error', 'warn', 'fatal'].includes(e.level));
    expect(loud).toEqual([]);
    expect(JSON.stringify(logger.entries)).not.toMatch(/\n\s+at /);
    expect(failures).toEqual([]);
    const after = await call(server.url, 'POST', '/v1/body/echo/', { json: { n: 2 } });
    expect([after.status, after.body.data.n]).toEqual([200, 2]);
  });

  it('floods nothing: 50 abandoned uploads log 50 debug lines and no error', async () => {
    await Promise.all(
      Array.from({ length: 50 }, () => abandonUpload(server.url, (socket) => socket.destroy())),
    );
    for (let waited = 0; aborts().length < 50 && waited < 5000; waited += 20) await sleep(20);
    expect(aborts()).toHaveLength(50);
    expect(aborts().every((entry) => entry.level === 'debug')).toBe(true);
    expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
    expect(failures).toEqual([]);
  });
});
