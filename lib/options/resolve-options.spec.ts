import { join } from 'node:path';
import { hasAuthorizationHeader } from '../auth/authenticate';
import { resolveOptions } from './resolve-options';

describe('resolveOptions', () => {
  it('applies every default to empty options', () => {
    const { options, problems } = resolveOptions({});
    expect(problems).toEqual([]);
    expect(options).toMatchObject({
      defaults: {},
      responsesPath: join(process.cwd(), 'config', 'responses.csv'),
      rateLimit: { prefix: 'mindoff:rl:' },
      hasCredentials: hasAuthorizationHeader,
      envelope: 'decorated',
      queue: {
        prefix: 'mindoff',
        queueName: 'mindoff',
        worker: true,
        concurrency: 4,
        retention: { completedMs: 86_400_000, failedMs: 604_800_000 },
        streamTicketTtlSeconds: 30,
        heartbeatSeconds: 15,
        lockDurationMs: 30_000,
        stalledIntervalMs: 30_000,
        commandTimeoutMs: 5000,
      },
    });
    expect(options.queue.endpointLimits).toEqual({
      detail: { limit: 120, ttlMs: 60_000, source: '120/m' },
      list: { limit: 120, ttlMs: 60_000, source: '120/m' },
      stream: { limit: 60, ttlMs: 60_000, source: '60/m' },
      streamTicket: { limit: 60, ttlMs: 60_000, source: '60/m' },
      cancel: { limit: 60, ttlMs: 60_000, source: '60/m' },
      retry: { limit: 120, ttlMs: 60_000, source: '120/m' },
    });
  });

  it("reads queue.prefix 'app:' as 'app' (one ':' follows every prefix)", () => {
    expect(resolveOptions({ queue: { prefix: 'app:' } }).options.queue.prefix).toBe('app');
    expect(resolveOptions({ queue: { prefix: 'app' } }).options.queue.prefix).toBe('app');
  });

  it('keeps what the app set, in milliseconds where the option is in seconds', () => {
    const { options } = resolveOptions({
      queue: {
        retention: { completedSeconds: 60 },
        publicUrl: 'https://api.example.com//',
        endpointLimits: { list: '5/s', cancel: null },
        worker: false,
      },
      trustProxy: 2,
    });
    expect(options.queue.retention).toEqual({ completedMs: 60_000, failedMs: 604_800_000 });
    expect(options.queue.publicUrl).toBe('https://api.example.com');
    expect(options.queue.endpointLimits.list).toEqual({ limit: 5, ttlMs: 1000, source: '5/s' });
    expect(options.queue.endpointLimits.cancel).toBeNull();
    expect(options.queue.worker).toBe(false);
    expect([options.trustProxy('10.0.0.1', 1), options.trustProxy('10.0.0.1', 2)]).toEqual([
      true,
      false,
    ]);
  });

  it('rate-limits a user by id, sub, userId or username', () => {
    const { userId } = resolveOptions({}).options;
    expect([
      userId({ id: 7 }),
      userId({ sub: 'a' }),
      userId({ username: 'u' }),
      userId('s'),
    ]).toEqual([7, 'a', 'u', 's']);
    expect(userId({ name: 'x' })).toBeUndefined();
  });

  it('stores a user as JSON by default, or as its id when it cannot be written as JSON', () => {
    const { serializeUser } = resolveOptions({}).options.queue;
    expect(serializeUser({ id: 3, roles: ['a'] })).toEqual({ id: 3, roles: ['a'] });
    const cyclic: Record<string, unknown> = { id: 9 };
    cyclic.self = cyclic;
    expect(serializeUser(cyclic)).toEqual({ id: '9' });
    expect(serializeUser({ big: 1n })).toEqual({ id: null });
  });

  it('reports every wrong option at once, each with its fix', () => {
    const { problems } = resolveOptions({
      envelope: 'every' as 'all',
      queue: { concurrency: 0, endpointLimits: { detail: '10 per minute' as '10/m' } },
    });
    expect(problems).toEqual([
      `MindoffModule: envelope "every" is not an option; use 'decorated' (only routes with @MindoffEnvelope(), the default) or 'all' (every plain route).`,
      'MindoffModule: queue.concurrency 0 must be a whole number >= 1 (tasks run at once per process); use worker: false for a process that runs none.',
      `MindoffModule: queue.endpointLimits.detail "10 per minute" is not a rate; use 'N/s', 'N/m', 'N/h' or 'N/d' (e.g. '120/m'), or null for no limit.`,
    ]);
  });
});
