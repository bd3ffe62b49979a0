// The idempotency scenario: one mindoff server per store (memory, redis) and adapter, the same
// POST measured with wrk without a key and with a fresh key per request, interleaved RUNS times;
// on the Redis store, the round trips a keyed request makes to Redis, counted with MONITOR over
// ROUND_TRIP_REQUESTS sequential first requests, then their replays (commands a script runs inside
// Redis are not round trips); and the round trips a first request waits for, measured through a
// relay that holds every reply of Redis back by RELAY_DELAY_MS: the extra latency of sequential
// keyed requests over unkeyed ones, in relay delays.
// The server runs on the last core and wrk on the first (PIN=0: unpinned), each path warmed up
// for WARMUP s (default 2) first; the ratio is the median of the per-round ratios.
// Knobs: DURATION (s per measurement, default 5), RUNS (default 3), CONNECTIONS (default 10),
// WARMUP (s, default 2), PIN (default 1 on 2+ cores), IDEM_TTL (the keys' ttl, default 5m),
// ADAPTERS (default 'express,fastify'), STORES (default 'memory,redis'), ROUND_TRIP_REQUESTS (50),
// RELAY_DELAY_MS (default 50: a machine's hiccups of a few ms are then a small part of it).
// Writes bench/results/idempotency-<stamp>.json and .md, which bench/harness/report.mjs reads.
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { HZ, NCPU, PIN, pinned, procStat } from '../harness/machine.mjs';

const root = join(import.meta.dirname, '..', '..');
const duration = Number(process.env.DURATION ?? 5);
const runs = Number(process.env.RUNS ?? 3);
const warmup = Number(process.env.WARMUP ?? 2);
const connections = Number(process.env.CONNECTIONS ?? 10);
const roundTripRequests = Number(process.env.ROUND_TRIP_REQUESTS ?? 50);
const relayDelayMs = Number(process.env.RELAY_DELAY_MS ?? 50);
const adapters = (process.env.ADAPTERS ?? 'express,fastify').split(',');
const stores = (process.env.STORES ?? 'memory,redis').split(',');
const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const results = join(root, 'bench/results');
const body = join(results, 'idempotency-body.json');
const PAYLOAD = JSON.stringify({ amount: 1200, currency: 'EUR' });
mkdirSync(results, { recursive: true });
writeFileSync(body, PAYLOAD);

/** Memory: at most 10 % over the same POST without a key. Redis: at most one round trip. */
const TARGET_MEMORY = 0.9;
const TARGET_ROUND_TRIPS = 1;

async function server(adapter, store, port, prefix, redisUrlFor = redisUrl.href) {
  const [bin, args] = pinned(NCPU - 1, process.execPath, [
    join(root, 'bench/results/dist/bench/idempotency/server.js'),
  ]);
  const child = spawn(bin, args, {
    env: {
      ...process.env,
      ADAPTER: adapter,
      IDEM_STORE: store,
      PORT: String(port),
      IDEM_PREFIX: prefix,
      REDIS_URL: redisUrlFor,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

/** CPU time the process `pid` has used, in µs (user and system; time the VM was not scheduled is not in it). */
function cpuMicros(pid) {
  const fields = procStat(pid);
  return ((Number(fields[11]) + Number(fields[12])) / HZ) * 1e6;
}

/** One wrk run against the server `pid` on `port`: its RESULT figures and the server's CPU µs per request. */
function wrk(pid, port, keyed, seconds = duration) {
  const cpuBefore = cpuMicros(pid);
  const [bin, args] = pinned(0, process.env.WRK ?? 'wrk', [
    '-t1',
    `-c${connections}`,
    `-d${seconds}s`,
    '-s',
    join(root, 'bench/idempotency/post-key.lua'),
    `http://127.0.0.1:${port}/v1/bench/charge/`,
  ]);
  const out = execFileSync(bin, args, {
    env: { ...process.env, BODY_FILE: body, KEYS: keyed ? '1' : '0' },
    encoding: 'utf8',
  });
  const cpu = cpuMicros(pid) - cpuBefore;
  const line = out.split('\n').find((l) => l.startsWith('RESULT'));
  const result = Object.fromEntries(
    line
      .slice(7)
      .split(' ')
      .map((kv) => kv.split('='))
      .map(([k, v]) => [k, Number(v)]),
  );
  return { ...result, cpu_us: cpu / result.requests };
}

/** Redis's MONITOR feed, as lines; `stop()` closes it and answers what it saw. */
function monitor() {
  const socket = createConnection(Number(redisUrl.port || 6379), redisUrl.hostname);
  let text = '';
  socket.on('data', (chunk) => (text += chunk));
  socket.write('MONITOR\r\n');
  return {
    ready: new Promise((resolve) => {
      const check = () => (text.includes('+OK') ? resolve() : setTimeout(check, 5));
      check();
    }),
    stop: () =>
      new Promise((resolve) => {
        setTimeout(() => {
          socket.destroy();
          resolve(text.split('\r\n'));
        }, 200);
      }),
  };
}

/**
 * A TCP relay to Redis on `port` that holds every reply back by `delayMs` (timers of one delay fire
 * in order, so the stream stays in order): each round trip a request waits for costs it `delayMs`.
 */
function slowRelay(port, delayMs) {
  const relay = createServer((client) => {
    const upstream = createConnection(Number(redisUrl.port || 6379), redisUrl.hostname);
    // Without it, Nagle holds a reply back behind the previous one's ACK (40 ms of delayed ACK).
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => setTimeout(() => client.write(chunk), delayMs));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  return new Promise((resolve) => relay.listen(port, '127.0.0.1', () => resolve(relay)));
}

/** Round trips a sequential request waits for: (keyed − unkeyed median latency) ÷ the relay's delay. */
async function awaitedRoundTrips(adapter, port, relayPort) {
  const relay = await slowRelay(relayPort, relayDelayMs);
  const prefix = `mindoff-bench:idem:${randomUUID()}`;
  const child = await server(adapter, 'redis', port, prefix, `redis://127.0.0.1:${relayPort}`);
  try {
    const timed = async (key) => {
      const start = performance.now();
      await post(port, key);
      return performance.now() - start;
    };
    const n = 40;
    const without = [];
    const withKey = [];
    for (let i = 0; i < 3; i++) await timed(`warm-${randomUUID()}`); // scripts loaded
    for (let i = 0; i < n; i++) {
      without.push(await timed(undefined));
      withKey.push(await timed(`aw-${randomUUID()}`));
    }
    return (median(withKey) - median(without)) / relayDelayMs;
  } finally {
    child.kill();
    relay.close();
  }
}

/** Sends one POST of the bench with `key` (none when undefined); throws on anything but a 200. */
async function post(port, key) {
  const headers = { 'content-type': 'application/json' };
  if (key !== undefined) headers['idempotency-key'] = key;
  const answer = await fetch(`http://127.0.0.1:${port}/v1/bench/charge/`, {
    method: 'POST',
    headers,
    body: PAYLOAD,
  });
  if (answer.status !== 200) throw new Error(`keyed request answered ${answer.status}`);
}

/** Round trips to Redis per request of `keys`: client commands on the store's keys, a script's own not counted. */
async function roundTrips(port, prefix, keys) {
  const feed = monitor();
  await feed.ready;
  for (const key of keys) await post(port, key);
  const lines = await feed.stop();
  return lines.filter((l) => l.includes(prefix) && !/\[\d+ lua\]/.test(l)).length / keys.length;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
let port = 4810;
for (const adapter of adapters) {
  for (const store of stores) {
    const prefix = `mindoff-bench:idem:${randomUUID()}`;
    const child = await server(adapter, store, ++port, prefix);
    try {
      const without = [];
      const withKey = [];
      // Warm-up, both paths (the keyed one compiled before it is measured).
      wrk(child.pid, port, false, warmup);
      wrk(child.pid, port, true, warmup);
      for (let i = 0; i < runs; i++) {
        without.push(wrk(child.pid, port, false));
        withKey.push(wrk(child.pid, port, true));
      }
      const perRound = without.map((w, i) => withKey[i].rps / w.rps);
      // What a request costs the server, whatever else the machine runs: unkeyed ÷ keyed CPU.
      const cpuPerRound = without.map((w, i) => w.cpu_us / withKey[i].cpu_us);
      const row = {
        adapter,
        store,
        without_rps: median(without.map((r) => r.rps)),
        with_key_rps: median(withKey.map((r) => r.rps)),
        per_round: perRound,
        without_cpu_us: median(without.map((r) => r.cpu_us)),
        with_key_cpu_us: median(withKey.map((r) => r.cpu_us)),
        cpu_per_round: cpuPerRound,
        cpu_ratio: median(cpuPerRound),
        non2xx: [...without, ...withKey].reduce((n, r) => n + r.non2xx, 0),
      };
      // The median of the per-round ratios: each round's pair ran back to back, so drift cancels.
      row.ratio = median(perRound);
      if (store === 'redis') {
        const keys = Array.from({ length: roundTripRequests }, () => `rt-${randomUUID()}`);
        row.round_trips = await roundTrips(port, prefix, keys);
        row.replay_round_trips = await roundTrips(port, prefix, keys);
        port += 2;
        row.awaited_round_trips = await awaitedRoundTrips(adapter, port - 1, port);
      }
      rows.push(row);
      console.error(`[idempotency] ${adapter} ${store}: ${JSON.stringify(row)}`);
    } finally {
      child.kill();
    }
  }
}

const f2 = (x) => x.toFixed(2);
const lines = [
  `POST /v1/bench/charge/ without a key vs a fresh key per request (${duration} s × ${runs} interleaved, ${connections} connections)`,
  '',
  '| adapter | store | req/s without | req/s with a key | with ÷ without | per round | server CPU µs per request, without / with | without ÷ with, CPU | Redis commands: first request / replay | round trips a first request waits for | non-2xx |',
  '|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.adapter} | ${r.store} | ${r.without_rps.toFixed(0)} | ${r.with_key_rps.toFixed(0)} | ${f2(r.ratio)} | ${r.per_round.map(f2).join(' / ')} | ${r.without_cpu_us.toFixed(1)} / ${r.with_key_cpu_us.toFixed(1)} | ${f2(r.cpu_ratio)} (${r.cpu_per_round.map(f2).join(' / ')}) | ${r.round_trips === undefined ? '–' : `${f2(r.round_trips)} / ${f2(r.replay_round_trips)}`} | ${r.awaited_round_trips === undefined ? '–' : f2(r.awaited_round_trips)} | ${r.non2xx} |`,
  ),
];
console.log(lines.join('\n'));
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const config = {
  duration,
  runs,
  warmup,
  pinned: PIN,
  connections,
  round_trip_requests: roundTripRequests,
  relay_delay_ms: relayDelayMs,
};
const targets = { memory_ratio: TARGET_MEMORY, redis_round_trips: TARGET_ROUND_TRIPS };
writeFileSync(
  join(results, `idempotency-${stamp}.json`),
  JSON.stringify({ stamp, config, targets, rows }, null, 2),
);
writeFileSync(join(results, `idempotency-${stamp}.md`), `${lines.join('\n')}\n`);
if (rows.some((r) => r.non2xx > 0)) process.exitCode = 1;
