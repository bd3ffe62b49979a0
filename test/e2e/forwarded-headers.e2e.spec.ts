import { Test } from '@nestjs/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { MindoffModule, type MindoffModuleOptions } from 'mindoff';
import { RateLimitLabModule } from '../fixtures/rate-limit.module';
import { ADAPTERS, startApp, type RunningApp } from '../support/http-app';
import { exchange } from '../support/raw-exchange';
import { httpRequest } from './hostile-fuzz.http';

const SEED = 20_261_207;
const RUNS = 120;

/** One request written byte for byte, so any header value (and Host) goes out as given. */
async function send(url: string, method: string, target: string, headers: [string, string][]) {
  const answer = await exchange(url, httpRequest({ method, target, headers }));
  const text = answer.body.toString('utf8');
  return { status: answer.status, text, body: text ? (JSON.parse(text) as any) : undefined }; // eslint-disable-line @typescript-eslint/no-explicit-any -- an envelope of any data
}

/** X-Forwarded-For values: addresses with and without ports, near-addresses and plain junk. */
const entry = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 99_999 })).map(([ip, port]) => `${ip}:${port}`),
  fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 99_999 })).map(([ip, port]) => `[${ip}]:${port}`),
  fc.stringMatching(/^[0-9a-fA-F:.%[\]]{0,60}$/),
  fc.constantFrom('1:2:3:4:5:6:7:8::9', 'unknown', '::ffff:999.1.1.1', '[::1', '%25', ''),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\t\x20-\x7e]/g, '')),
);
const forwardedFor = fc
  .tuple(fc.array(entry, { maxLength: 8 }), fc.constantFrom(',', ', ', ' , ', ',,'))
  .map(([entries, comma]) => entries.join(comma));

describe.each(ADAPTERS)('forwarded headers on %s', (adapter) => {
  describe('X-Forwarded-For with every proxy trusted', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(RateLimitLabModule.with({ trustProxy: true }), adapter);
    });
    afterAll(() => app.close());

    it(`answers no X-Forwarded-For value with a 5xx, on a limited API and on a task detail (${RUNS} values)`, async () => {
      await fc.assert(
        fc.asyncProperty(forwardedFor, async (value) => {
          for (const target of ['/v1/rl/counted/', `/mindoff/queue/${randomUUID()}/`]) {
            const answer = await send(app.url, 'GET', target, [['X-Forwarded-For', value]]);
            expect([target, answer.status < 500, answer.body?.message?.code]).toEqual([
              target,
              true,
              expect.any(String),
            ]);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
    }, 60_000);
  });

  describe('X-Forwarded-For behind a loopback proxy', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(RateLimitLabModule.with({ trustProxy: 'loopback' }), adapter);
    });
    afterAll(() => app.close());

    const counted = async (from: string) =>
      (await send(app.url, 'GET', '/v1/rl/counted/', [['X-Forwarded-For', from]])).status;

    it('answers the entry that answered 500 before (1:2:3:4:5:6:7:8::9) as if absent', async () => {
      expect(await counted('1:2:3:4:5:6:7:8::9')).toBe(200);
      expect(await counted('203.0.113.50, 1:2:3:4:5:6:7:8::9')).toBe(200);
    });

    it('counts ip:port entries as one client: a new source port is no new counter', async () => {
      const statuses = [];
      for (let port = 40_001; port <= 40_004; port++)
        statuses.push(await counted(`198.51.100.7:${port}`));
      expect(statuses).toEqual([200, 200, 200, 429]);
    });

    it('counts [v6]:port entries by their /64 network', async () => {
      const statuses = [];
      for (let host = 1; host <= 4; host++)
        statuses.push(await counted(`[2001:db8:7:7::${host}]:443`));
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(await counted('[2001:db8:7:8::1]:443')).toBe(200);
    });
  });

  describe('acknowledgment URLs', () => {
    const apps: Record<string, RunningApp> = {};
    const OPTIONS: Record<string, MindoffModuleOptions> = {
      untrusted: {},
      'other proxies trusted': { trustProxy: '10.0.0.0/8' },
      'loopback proxy trusted': { trustProxy: 'loopback' },
      'public URL': { queue: { publicUrl: 'https://api.example.com/' } },
    };
    beforeAll(async () => {
      for (const [name, options] of Object.entries(OPTIONS)) {
        apps[name] = await startApp(RateLimitLabModule.with(options), adapter);
      }
    });
    afterAll(() => Promise.all(Object.values(apps).map((app) => app.close())));

    const enqueue = (name: string, headers: [string, string][]) =>
      send(apps[name]!.url, 'POST', '/v1/rl/queued/', headers);
    const EVIL: [string, string][] = [
      ['Host', 'evil.example'],
      ['X-Forwarded-Host', 'evil.example'],
      ['X-Forwarded-Proto', 'https'],
    ];

    it.each(['untrusted', 'other proxies trusted'])(
      'never reflects Host: evil.example (%s): the URLs are relative',
      async (name) => {
        const ack = await enqueue(name, EVIL);
        expect(ack.body?.message?.code).toBe('QUEUED');
        const id = ack.body.data.queue_id as string;
        expect(ack.text).not.toContain('evil.example');
        expect(ack.body.data.response_url).toBe(`/mindoff/queue/${id}/`);
        expect(ack.body.data.status_stream_url).toBe(`/mindoff/queue/${id}/stream/`);
        const detail = await send(apps[name]!.url, 'GET', ack.body.data.response_url as string, []);
        expect(detail.body?.message?.code).toMatch(/^(SUCCESS|QUEUE_TASK_(PENDING|RUNNING))$/);
      },
    );

    it('uses X-Forwarded-Proto and X-Forwarded-Host from a trusted proxy, then its Host', async () => {
      const forwarded = await enqueue('loopback proxy trusted', [
        ['Host', 'internal:3000'],
        ['X-Forwarded-Host', 'shop.example.com'],
        ['X-Forwarded-Proto', 'https'],
      ]);
      const id = forwarded.body.data.queue_id as string;
      expect(forwarded.body.data.response_url).toBe(
        `https://shop.example.com/mindoff/queue/${id}/`,
      );
      const hosted = await enqueue('loopback proxy trusted', [['Host', 'shop.example.com:8443']]);
      expect(hosted.body.data.cancel_url).toBe(
        `http://shop.example.com:8443/mindoff/queue/${hosted.body.data.queue_id}/cancel/`,
      );
    });

    it('falls back to relative URLs when a trusted proxy sends a host that is no host', async () => {
      const ack = await enqueue('loopback proxy trusted', [
        ['Host', 'a'],
        ['X-Forwarded-Host', 'evil.example/phish?x='],
      ]);
      expect(ack.body.data.response_url).toBe(`/mindoff/queue/${ack.body.data.queue_id}/`);
    });

    it('builds them on queue.publicUrl whatever the headers say', async () => {
      const ack = await enqueue('public URL', EVIL);
      const id = ack.body.data.queue_id as string;
      expect(ack.body.data.retry_url).toBe(`https://api.example.com/mindoff/queue/${id}/retry/`);
    });
  });
});

it('refuses to start when trustProxy is not something express would take, naming the option and the fix', async () => {
  const compiling = Test.createTestingModule({
    imports: [MindoffModule.forRoot({ trustProxy: '10.0.0.0/33' })],
  }).compile();
  await expect(compiling).rejects.toThrow(
    /trustProxy "10\.0\.0\.0\/33" cannot be used \(invalid range on address: 10\.0\.0\.0\/33\); set it as for express's 'trust proxy'/,
  );
});
