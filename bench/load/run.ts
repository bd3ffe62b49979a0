// `npm run bench -- load`: LOAD_SECONDS (60) of mixed traffic on the sample app, started as its
// own process like a user runs it: well-behaved clients on the direct APIs, queued reports (some
// followed on their status streams to the end), and abusive clients that must get their 4xx
// envelopes. Reports the errors (must be 0), p50/p99 per kind, the sample's RSS over time and
// the tasks completed; writes bench/results/load-<stamp>.{json,md}. Exit code 1 on any error.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { address, closedLoop, paced, reporter, watcher, type LoadContext } from './clients';
import { loadMarkdown, type LoadResult, type SeriesPoint } from './report';
import { cpuSeconds, rssMb, startSample, type SampleProcess } from './sample-process';
import { Tally, percentile } from './tally';
import { settleUnwatched } from './tasks';
import { ABUSE, DIRECT, REPORT, STREAM_KIND } from './traffic';

const env = (key: string, fallback: string) => process.env[key] ?? fallback;
const SECONDS = Number(env('LOAD_SECONDS', '60'));
const DRIVERS = env('LOAD_DRIVERS', 'embedded').split(',') as LoadResult['driver'][];
const ADAPTER = env('LOAD_ADAPTER', 'express');
const CLIENTS = Number(env('LOAD_CLIENTS', '3'));
const STREAMS = Number(env('LOAD_STREAMS', '20'));
const REPORTS_PER_S = Number(env('LOAD_REPORTS_PER_S', '5'));
const ABUSE_PER_S = Number(env('LOAD_ABUSE_PER_S', '5'));
const REPORT_PAUSE_MS = env('LOAD_REPORT_PAUSE_MS', '100');
const RATE_LIMIT = env('LOAD_RATE_LIMIT', '1000000/m');
const SAMPLE_EVERY_S = Number(env('LOAD_SAMPLE_EVERY_S', '5'));
const DRAIN_SECONDS = Number(env('LOAD_DRAIN_SECONDS', '30'));
const PORT = Number(env('LOAD_PORT', '3904'));
const REDIS_URL = env('REDIS_URL', 'redis://127.0.0.1:6379');
const RESULTS = join(process.cwd(), 'bench', 'results');

const log = (...args: unknown[]) =>
  console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...args);

const ORDER = [...DIRECT, REPORT, { name: STREAM_KIND }, ...ABUSE].map((k) => k.name);
/** Where a kind's row goes: in the order the kinds are declared, the checks after the load last. */
const rank = (kind: string) => (ORDER.includes(kind) ? ORDER.indexOf(kind) : ORDER.length);

/** Every client of the load, started at once. */
function clients(ctx: LoadContext): Promise<void>[] {
  return [
    ...DIRECT.flatMap((kind, k) =>
      Array.from({ length: CLIENTS }, (_, c) => closedLoop(ctx, kind, address(1, k * 256 + c))),
    ),
    reporter(ctx, REPORTS_PER_S),
    ...Array.from({ length: STREAMS }, (_, i) => watcher(ctx, address(3, i))),
    ...ABUSE.map((kind, k) => paced(ctx, kind, [address(4, k)], ABUSE_PER_S)),
  ];
}

/** Samples the sample's RSS and CPU, the answers per second and the open streams. */
function sampler(ctx: LoadContext, pid: number, series: SeriesPoint[]): () => void {
  const start = Date.now();
  let last = { at: start, cpu: cpuSeconds(pid), answered: 0 };
  const timer = setInterval(() => {
    const now = { at: Date.now(), cpu: cpuSeconds(pid), answered: ctx.tally.answered };
    const seconds = (now.at - last.at) / 1000;
    series.push({
      t_s: (now.at - start) / 1000,
      rss_mb: rssMb(pid),
      answers_per_s: (now.answered - last.answered) / seconds,
      server_cores: (now.cpu - last.cpu) / seconds,
      open_streams: ctx.openStreams,
    });
    last = now;
  }, SAMPLE_EVERY_S * 1000);
  return () => clearInterval(timer);
}

async function loadRun(driver: LoadResult['driver'], stamp: string): Promise<LoadResult> {
  const prefix = `bench-load-${stamp}`;
  const sample: SampleProcess = await startSample(
    PORT,
    {
      TRUST_PROXY: '1',
      SAMPLE_RATE_LIMIT: RATE_LIMIT,
      SAMPLE_REPORT_PAUSE_MS: REPORT_PAUSE_MS,
      MINDOFF_ADAPTER: ADAPTER,
      ...(driver === 'bullmq' ? { REDIS_URL, SAMPLE_QUEUE_PREFIX: prefix } : {}),
    },
    join(RESULTS, 'logs', `load-${driver}-${stamp}.log`),
  );
  const pid = sample.pid;
  const idleMb = rssMb(pid);
  const ctx: LoadContext = {
    port: PORT,
    tally: new Tally(),
    until: Date.now() + SECONDS * 1000,
    openStreams: 0,
    unwatched: [],
    turnaroundMs: [],
  };
  const series: SeriesPoint[] = [];
  const cpu0 = cpuSeconds(pid);
  const self0 = process.cpuUsage();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const stopSampling = sampler(ctx, pid, series);
  log(
    `load (${driver}, ${ADAPTER}): ${SECONDS} s, sample pid ${pid}, ${idleMb.toFixed(0)} MB idle`,
  );
  const started = Date.now();
  const running = Promise.all(clients(ctx));
  try {
    // The clients stop at ctx.until; the watchers finish the stream they follow first.
    await Promise.race([running, sleep((SECONDS + DRAIN_SECONDS) * 1000, null, { ref: false })]);
    stopSampling();
    delay.disable();
    const elapsed = (Date.now() - started) / 1000;
    const cpu = cpuSeconds(pid) - cpu0;
    const self = process.cpuUsage(self0);
    const settled = await settleUnwatched(ctx, ctx.until + DRAIN_SECONDS * 1000);
    const endMb = rssMb(pid);
    const errorLines = sample.errorLines();
    await sample.stop(); // a stream still open now ends in a connection error, counted
    await Promise.race([running, sleep(5000, null, { ref: false })]);
    const kinds = ctx.tally.summary(SECONDS).sort((a, b) => rank(a.kind) - rank(b.kind));
    const load = kinds.filter((k) => k.group !== 'after');
    const requests = load.reduce((a, k) => a + k.requests, 0);
    const turnaround = [...ctx.turnaroundMs].sort((a, b) => a - b);
    const firstMb = series[0]?.rss_mb ?? NaN;
    return {
      driver,
      adapter: ADAPTER,
      seconds: SECONDS,
      requests,
      errors: ctx.tally.errors,
      per_s: requests / SECONDS,
      kinds,
      tasks: {
        enqueued: kinds.find((k) => k.kind === REPORT.name)?.answers['200 QUEUED'] ?? 0,
        completed: turnaround.length + settled.completed,
        unfinished: settled.unfinished,
        turnaround_p50_ms: percentile(turnaround, 50),
        turnaround_p99_ms: percentile(turnaround, 99),
      },
      rss: {
        idle_mb: idleMb,
        first_mb: firstMb,
        peak_mb: Math.max(idleMb, endMb, ...series.map((p) => p.rss_mb)),
        end_mb: endMb,
        end_over_first: endMb / firstMb,
      },
      series,
      server_cores: cpu / elapsed,
      loadgen_cores: (self.user + self.system) / 1e6 / elapsed,
      loadgen_delay_p99_ms: delay.percentile(99) / 1e6,
      sample_error_lines: errorLines,
      error_examples: ctx.tally.examples,
    };
  } finally {
    stopSampling();
    await sample.stop();
    if (driver === 'bullmq') await deleteKeys(prefix);
  }
}

/** Removes the run's keys (tasks and rate-limit counters) from Redis. */
async function deleteKeys(prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  for (const driver of DRIVERS) {
    if (driver !== 'embedded' && driver !== 'bullmq') {
      throw new Error(
        `LOAD_DRIVERS: '${driver}' is neither embedded nor bullmq (e.g. embedded,bullmq)`,
      );
    }
  }
  if (ADAPTER !== 'express' && ADAPTER !== 'fastify') {
    throw new Error(`LOAD_ADAPTER: '${ADAPTER}' is neither express nor fastify`);
  }
  mkdirSync(join(RESULTS, 'logs'), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const runs: LoadResult[] = [];
  for (const driver of DRIVERS) runs.push(await loadRun(driver, stamp));
  const md = runs
    .map((r) => `### ${r.driver} queue, ${r.adapter}, ${r.seconds} s\n\n${loadMarkdown(r)}`)
    .join('\n');
  const config = {
    seconds: SECONDS,
    drivers: DRIVERS,
    adapter: ADAPTER,
    clients_per_direct_api: CLIENTS,
    stream_watchers: STREAMS,
    reports_per_s: REPORTS_PER_S,
    abuse_per_s_per_client: ABUSE_PER_S,
    abusive_clients: ABUSE.length,
    report_pause_ms: Number(REPORT_PAUSE_MS),
    rate_limit: RATE_LIMIT,
    sample_every_s: SAMPLE_EVERY_S,
    drain_s: DRAIN_SECONDS,
    node: process.version,
  };
  writeFileSync(
    join(RESULTS, `load-${stamp}.json`),
    JSON.stringify({ stamp, config, runs }, null, 1),
  );
  writeFileSync(join(RESULTS, `load-${stamp}.md`), md);
  console.log(md);
  log(`results: bench/results/load-${stamp}.json and .md`);
  if (runs.some((r) => r.errors > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
