import type { KindSummary } from './tally';

/** One point of the time series: sampled every LOAD_SAMPLE_EVERY_S during the load. */
export interface SeriesPoint {
  t_s: number;
  rss_mb: number;
  answers_per_s: number;
  server_cores: number;
  open_streams: number;
}

/** Everything one load run measured (one queue driver). */
export interface LoadResult {
  driver: 'embedded' | 'bullmq';
  adapter: string;
  seconds: number;
  requests: number;
  errors: number;
  per_s: number;
  kinds: KindSummary[];
  tasks: {
    enqueued: number;
    completed: number;
    unfinished: number;
    turnaround_p50_ms: number;
    turnaround_p99_ms: number;
  };
  rss: {
    idle_mb: number;
    first_mb: number;
    peak_mb: number;
    end_mb: number;
    end_over_first: number;
  };
  series: SeriesPoint[];
  server_cores: number;
  loadgen_cores: number;
  loadgen_delay_p99_ms: number;
  /** Lines of the sample's output that report an error (not counted in `errors`). */
  sample_error_lines: number;
  error_examples: string[];
}

const n0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
const n1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const n2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');

const GROUPS: Record<string, string> = {
  direct: 'direct',
  queue: 'queue',
  abuse: 'abusive',
  after: 'after the load',
};

function answers(k: KindSummary): string {
  return Object.entries(k.answers)
    .sort((a, b) => b[1] - a[1])
    .map(([label, count]) => `${label} ×${n0(count)}`)
    .join(', ');
}

/** The markdown of one load run: the verdict line, the kinds, the time series, the errors. */
export function loadMarkdown(r: LoadResult): string {
  const verdict =
    `**${n0(r.errors)} errors** in ${n0(r.requests)} requests (${n0(r.per_s)}/s). ` +
    `Tasks: ${n0(r.tasks.completed)} of ${n0(r.tasks.enqueued)} completed` +
    `${r.tasks.unfinished ? `, **${n0(r.tasks.unfinished)} unfinished**` : ''}; ` +
    `enqueue → completed seen on the stream p50 ${n0(r.tasks.turnaround_p50_ms)} ms, ` +
    `p99 ${n0(r.tasks.turnaround_p99_ms)} ms.\n\n` +
    `Sample RSS: ${n0(r.rss.idle_mb)} MB idle, ${n0(r.rss.first_mb)} MB at the first sample under ` +
    `load, peak ${n0(r.rss.peak_mb)} MB, ${n0(r.rss.end_mb)} MB after the drain ` +
    `(after ÷ first: **${n2(r.rss.end_over_first)}**). CPU: the sample ${n2(r.server_cores)} cores, ` +
    `the load generator ${n2(r.loadgen_cores)} (its event-loop delay p99 ` +
    `${n1(r.loadgen_delay_p99_ms)} ms, included in the latencies). Error lines in the sample's ` +
    `output: ${r.sample_error_lines ? `**${n0(r.sample_error_lines)}**` : '0'}.\n`;
  const kinds = [
    '| clients | request | requests | per s | p50 ms | p99 ms | max ms | errors | answers |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
    ...r.kinds.map(
      (k) =>
        `| ${GROUPS[k.group] ?? k.group} | ${k.kind} | ${n0(k.requests)} | ${n1(k.per_s)} | ${n1(k.p50_ms)} | ` +
        `${n1(k.p99_ms)} | ${n1(k.max_ms)} | ${k.errors ? `**${n0(k.errors)}**` : '0'} | ${answers(k)} |`,
    ),
  ].join('\n');
  const series = [
    '| t (s) | RSS MB | answers/s | sample cores | open streams |',
    '|---:|---:|---:|---:|---:|',
    ...r.series.map(
      (p) =>
        `| ${n0(p.t_s)} | ${n1(p.rss_mb)} | ${n0(p.answers_per_s)} | ${n2(p.server_cores)} | ${p.open_streams} |`,
    ),
  ].join('\n');
  const errors = r.error_examples.length
    ? `\nFirst errors:\n\n${r.error_examples.map((e) => `- \`${e.replace(/`/g, "'")}\``).join('\n')}\n`
    : '';
  return `${verdict}\n${kinds}\n\n${series}\n${errors}`;
}
