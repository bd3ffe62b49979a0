// `npm run bench -- queue`: queue mode's figures, as ratios or against the targets.
//  1. enqueue throughput over HTTP (wrk, interleaved rounds): mindoff's queue-mode API vs a
//     bare Nest handler calling BullMQ's queue.add (target >= 0.7);
//  2. checkpoint -> SSE client latency, p50 and p99 (target p50 < 20 ms), per driver;
//  3. 1,000 concurrent status streams: peak RSS of the API process (target < 200 MB) and
//     whether every stream saw every checkpoint and the end.
import { Queue } from 'bullmq';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rssMb, startServer, wrk, type WrkResult } from './processes';
import { readEvents } from './sse-reader';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DURATION = Number(process.env.DURATION ?? 10);
const RUNS = Number(process.env.RUNS ?? 3);
const STREAMS = Number(process.env.STREAMS ?? 1000);
const RESULTS = join(process.cwd(), 'bench', 'results');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function obliterate(prefix: string): Promise<void> {
  const queue = new Queue('bench', { connection: { url: REDIS_URL }, prefix });
  await queue.obliterate({ force: true });
  await queue.close();
}

async function enqueueThroughput() {
  const body = join(RESULTS, 'bodies', 'queue-report.json');
  mkdirSync(join(RESULTS, 'bodies'), { recursive: true });
  writeFileSync(body, JSON.stringify({ report_name: 'weekly stock' }));
  const rps: Record<'bare' | 'mindoff', number[]> = { bare: [], mindoff: [] };
  for (let round = 0; round < RUNS; round++) {
    const order: ('bare' | 'mindoff')[] = round % 2 ? ['mindoff', 'bare'] : ['bare', 'mindoff'];
    for (const name of order) {
      const prefix = `bench-${name}-${round}`;
      const server = await startServer(`queue-${name}`, 3901, { QUEUE_PREFIX: prefix });
      await wrk(`${server.url}/v1/jobs/report/`, body, 2);
      const result: WrkResult = await wrk(`${server.url}/v1/jobs/report/`, body, DURATION);
      await server.stop();
      await obliterate(prefix);
      if (result.non2xx > 0) throw new Error(`${name}: ${result.non2xx} non-2xx answers`);
      rps[name].push(result.rps);
      console.error(`  round ${round + 1} ${name}: ${result.rps.toFixed(0)} req/s`);
    }
  }
  const bare = median(rps.bare);
  const mindoff = median(rps.mindoff);
  return { bare_rps: bare, mindoff_rps: mindoff, ratio: mindoff / bare, target: 0.7 };
}

async function enqueueTicks(url: string, payload: object, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${url}/v1/jobs/ticks/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    const ack = (await res.json()) as { data: { queue_id: string } };
    ids.push(ack.data.queue_id);
  }
  return ids;
}

async function checkpointLatency(driver: 'bullmq' | 'embedded') {
  const prefix = `bench-latency-${Date.now()}`;
  const server = await startServer('queue-stream', 3902, { DRIVER: driver, QUEUE_PREFIX: prefix });
  const samples: number[] = [];
  try {
    for (let batch = 0; batch < 5; batch++) {
      const ids = await enqueueTicks(server.url, { delay_ms: 300, pause_ms: 50 }, 10);
      await Promise.all(
        ids.map((id) =>
          readEvents(`${server.url}/mindoff/queue/${id}/stream/`, (state) => {
            const sent = Number(state.progress.current_message);
            if (state.job_status === 'running' && Number.isFinite(sent)) {
              samples.push(performance.timeOrigin + performance.now() - sent);
            }
          }),
        ),
      );
    }
  } finally {
    await server.stop();
    if (driver === 'bullmq') await obliterate(prefix);
  }
  return {
    driver,
    samples: samples.length,
    p50_ms: percentile(samples, 50),
    p99_ms: percentile(samples, 99),
    target_p50_ms: 20,
  };
}

async function concurrentStreams() {
  const prefix = `bench-streams-${Date.now()}`;
  const tasks = Math.ceil(STREAMS / 5);
  const server = await startServer('queue-stream', 3903, {
    DRIVER: 'bullmq',
    QUEUE_PREFIX: prefix,
    CONCURRENCY: String(tasks),
  });
  let peak = rssMb(server.child.pid!);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.child.pid!))), 100);
  let complete = 0;
  let lost = 0;
  try {
    const ids = await enqueueTicks(server.url, { delay_ms: 4000, pause_ms: 300 }, tasks);
    await Promise.all(
      Array.from({ length: STREAMS }, async (_, i) => {
        const seen = new Set<number>();
        let ended = false;
        await readEvents(`${server.url}/mindoff/queue/${ids[i % tasks]}/stream/`, (state) => {
          seen.add(state.progress.percent);
          if (state.job_status === 'completed') ended = true;
        });
        if (ended && [20, 40, 60, 80, 100].every((p) => seen.has(p))) complete++;
        else lost++;
      }),
    );
  } finally {
    clearInterval(sampler);
    await server.stop();
    await obliterate(prefix);
  }
  return { streams: STREAMS, tasks, peak_rss_mb: peak, complete, lost, target_rss_mb: 200 };
}

async function main(): Promise<void> {
  console.error('== queue: enqueue throughput (mindoff vs bare Nest + queue.add)');
  const enqueue = await enqueueThroughput();
  console.error('== queue: checkpoint -> SSE latency');
  const latency = [await checkpointLatency('bullmq'), await checkpointLatency('embedded')];
  console.error(`== queue: ${STREAMS} concurrent status streams`);
  const streams = await concurrentStreams();
  const report = { enqueue, latency, streams };
  const lines = [
    '| measure | figure | target | met |',
    '| --- | --- | --- | --- |',
    `| enqueue req/s mindoff / bare | ${enqueue.mindoff_rps.toFixed(0)} / ${enqueue.bare_rps.toFixed(0)} = **${enqueue.ratio.toFixed(2)}** | ≥ 0.7 | ${enqueue.ratio >= 0.7 ? 'yes' : 'no'} |`,
    ...latency.map(
      (l) =>
        `| checkpoint → SSE (${l.driver}), ${l.samples} samples | p50 **${l.p50_ms.toFixed(1)} ms**, p99 ${l.p99_ms.toFixed(1)} ms | p50 < 20 ms | ${l.p50_ms < 20 ? 'yes' : 'no'} |`,
    ),
    `| ${streams.streams} streams over ${streams.tasks} tasks | peak RSS **${streams.peak_rss_mb.toFixed(0)} MB**, ${streams.complete} complete, ${streams.lost} missing an event | < 200 MB, none lost | ${streams.peak_rss_mb < 200 && streams.lost === 0 ? 'yes' : 'no'} |`,
  ];
  console.log(lines.join('\n'));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  writeFileSync(join(RESULTS, `queue-${stamp}.json`), JSON.stringify(report, null, 2));
  writeFileSync(join(RESULTS, `queue-${stamp}.md`), lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
