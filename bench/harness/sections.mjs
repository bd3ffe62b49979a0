// The sections of bench/RESULTS.md: for each, its title, the command that measures it, the
// environment knobs worth naming next to its figures, and its rows of the "at a glance" table
// (each ratio or figure with its baseline's raw figures and its target), read from the JSON the
// section's runner wrote to bench/results/.

const f0 = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const times = (x) => (x >= 10 ? `${f0(x)}×` : `${f2(x)}×`);
const met = (ok) => (ok ? 'met' : '**not met**');

// 29.5M, 26.8k, 420: raw ops/s short enough to sit in a table cell
const compact = (x) =>
  x >= 1e6 ? `${(x / 1e6).toFixed(1)}M` : x >= 1e4 ? `${(x / 1e3).toFixed(1)}k` : f0(x);

function validatorRows(r) {
  // inputs are "<body>, valid" and "<body>, invalid": one row per body and contender
  const bodies = [...new Set(r.summary.map((s) => s.input.split(', ')[0]))];
  const others = [...new Set(r.ratios.map((x) => x.other))];
  const rows = others.flatMap((other) =>
    bodies.map((body) => {
      const cells = ['valid', 'invalid'].map((v) => {
        const input = `${body}, ${v}`;
        const ops = r.summary.find((s) => s.input === input).ops;
        const ratio = r.ratios.find((x) => x.input === input && x.other === other);
        return { v, ratio, raw: `${compact(ops.mindoff)} / ${compact(ops[other])}` };
      });
      return {
        measure: `ops/s, mindoff ÷ ${other}, ${body} body`,
        figure: cells.map((c) => `${times(c.ratio.value)} ${c.v}`).join(' · '),
        raw: cells.map((c) => c.raw).join(' · '),
        target: `≥ ${cells[0].ratio.target}: ${met(cells.every((c) => c.ratio.met))}`,
      };
    }),
  );
  const items = r.per_item;
  const [at100, atMost] = [items[1], items[items.length - 1]];
  const spread = atMost.ns_per_item / at100.ns_per_item;
  rows.push({
    measure: `mindoff ns per item, ${f0(atMost.items)} items ÷ ${f0(at100.items)} items`,
    figure: f2(spread),
    raw: `${f1(atMost.ns_per_item)} / ${f1(at100.ns_per_item)} ns`,
    target: `≤ 1.5: ${met(spread <= 1.5)}`,
  });
  return rows;
}

function httpRows(r) {
  const rps = (server, x) =>
    r.summary.find(
      (s) =>
        s.server === server &&
        s.adapter === x.adapter &&
        s.body === x.body &&
        s.duration === x.duration,
    )?.rps;
  // mindoff ÷ bare answering as mindoff does, then mindoff with a responseSchema ÷ bare, then
  // mindoff ÷ stack; mindoff ÷ bare and bare-shaped ÷ bare for reference
  const pairs = [
    {
      key: 'mindoff_over_shaped',
      server: 'mindoff',
      base: 'bare-shaped',
      name: 'mindoff',
    },
    {
      key: 'mindoff_schema_over_bare',
      server: 'mindoff-schema',
      base: 'bare',
      name: 'mindoff with a responseSchema',
    },
    { key: 'mindoff_over_stack', server: 'mindoff', base: 'stack', name: 'mindoff' },
    { key: 'mindoff_over_bare', server: 'mindoff', base: 'bare', name: 'mindoff' },
    {
      key: 'shaped_over_bare',
      server: 'bare-shaped',
      base: 'bare',
      name: 'bare answering as mindoff does (envelope and headers, no checks)',
    },
  ];
  return pairs.flatMap(({ key, server, base, name }) =>
    r.ratios
      .filter((x) => x[key])
      .map((x) => {
        const ratio = x[key];
        return {
          measure: `req/s, ${name} ÷ ${base}, ${x.body} body ${x.duration} s, ${x.adapter}`,
          figure: `${f2(ratio.value)} (rounds ${ratio.per_round.map(f2).join(' / ')})`,
          raw: `${f0(rps(server, x))} / ${f0(rps(base, x))} req/s`,
          target:
            ratio.target == null ? 'reference' : `≥ ${ratio.target}: ${met(ratio.meets_target)}`,
        };
      }),
  );
}

function queueRows(r) {
  const { enqueue: e, latency, streams: s } = r;
  return [
    {
      measure: 'enqueue req/s, mindoff ÷ bare Nest + queue.add',
      figure: f2(e.ratio),
      raw: `${f0(e.mindoff_rps)} / ${f0(e.bare_rps)} req/s`,
      target: `≥ ${e.target}: ${met(e.ratio >= e.target)}`,
    },
    ...latency.map((l) => ({
      measure: `checkpoint → SSE client, ${l.driver}`,
      figure: `p50 ${f1(l.p50_ms)} ms`,
      raw: `p99 ${f1(l.p99_ms)} ms, ${f0(l.samples)} samples`,
      target: `p50 < ${l.target_p50_ms} ms: ${met(l.p50_ms < l.target_p50_ms)}`,
    })),
    {
      measure: `${f0(s.streams)} open status streams: API process peak RSS`,
      figure: `${f0(s.peak_rss_mb)} MB`,
      raw: `${f0(s.complete)} complete, ${f0(s.lost)} missing an event`,
      target: `< ${s.target_rss_mb} MB, none lost: ${met(s.peak_rss_mb < s.target_rss_mb && s.lost === 0)}`,
    },
  ];
}

function loadRows(r) {
  return r.runs.flatMap((run) => {
    const on = `${run.driver} queue, ${run.adapter}, ${run.seconds} s`;
    const worst = run.kinds
      .filter((k) => k.group === 'direct')
      .reduce((a, k) => (k.p99_ms > (a?.p99_ms ?? -1) ? k : a), null);
    return [
      {
        measure: `errors under mixed load (${on})`,
        figure: f0(run.errors),
        raw:
          `${f0(run.requests)} requests, ${f0(run.per_s)}/s; tasks ${f0(run.tasks.completed)} of ` +
          `${f0(run.tasks.enqueued)} completed; ${f0(run.sample_error_lines)} error lines in the sample's output`,
        target: `0: ${met(run.errors === 0)}`,
      },
      {
        measure: `sample RSS, after the load ÷ first sample under load (${on})`,
        figure: f2(run.rss.end_over_first),
        raw: `${f0(run.rss.end_mb)} / ${f0(run.rss.first_mb)} MB (idle ${f0(run.rss.idle_mb)}, peak ${f0(run.rss.peak_mb)})`,
        target: 'flat (≈ 1)',
      },
      {
        measure: `slowest direct API p99 (${on})`,
        figure: `${f1(worst?.p99_ms)} ms`,
        raw: `${worst?.kind ?? '–'}, p50 ${f1(worst?.p50_ms)} ms`,
        target: '',
      },
    ];
  });
}

function idempotencyRows(r) {
  return r.rows.flatMap((row) => {
    const on = `${row.store} store, ${row.adapter}`;
    const rows = [];
    // Runs recorded before the CPU figures existed have none.
    if (row.cpu_ratio !== undefined) {
      rows.push({
        measure: `server CPU per request, the same POST without a key ÷ with a fresh Idempotency-Key (${on})`,
        figure: `${f2(row.cpu_ratio)} (rounds ${row.cpu_per_round.map(f2).join(' / ')})`,
        raw: `${row.without_cpu_us.toFixed(1)} / ${row.with_key_cpu_us.toFixed(1)} µs`,
        target:
          row.store === 'memory'
            ? `≥ ${r.targets.memory_ratio} (a key costs at most 10 % more): ${met(row.cpu_ratio >= r.targets.memory_ratio)}`
            : 'reference (the target is round trips)',
      });
    }
    rows.push({
      measure: `req/s, a POST with a fresh Idempotency-Key ÷ the same POST without (${on})`,
      figure: `${f2(row.ratio)} (rounds ${row.per_round.map(f2).join(' / ')})`,
      raw: `${f0(row.with_key_rps)} / ${f0(row.without_rps)} req/s`,
      target:
        row.store === 'memory' && row.cpu_ratio === undefined
          ? `≥ ${r.targets.memory_ratio}: ${met(row.ratio >= r.targets.memory_ratio)}`
          : 'reference (wall-clock: includes time the machine gave other tenants)',
    });
    if (row.round_trips !== undefined) {
      rows.push({
        measure: `Redis commands per keyed request, first request / replay (${on})`,
        figure: `${f2(row.round_trips)} / ${f2(row.replay_round_trips)}`,
        raw: `over ${f0(r.config.round_trip_requests)} sequential requests each, counted with MONITOR`,
        target: 'reference: a claim and the kept answer; a replay reads once',
      });
    }
    if (row.awaited_round_trips !== undefined) {
      rows.push({
        measure: `Redis round trips a first keyed request waits for (${on})`,
        figure: f2(row.awaited_round_trips),
        raw: `(keyed − unkeyed median latency) ÷ ${f0(r.config.relay_delay_ms)} ms, Redis behind a relay delaying each reply`,
        target: `≤ ${r.targets.redis_round_trips} (a quarter delay of timing noise allowed): ${met(
          row.awaited_round_trips <= r.targets.redis_round_trips + 0.25,
        )}`,
      });
    }
    return rows;
  });
}

const names = (list) => list.trim().split(/\s+/);

/** In the order RESULTS.md shows them. */
export const SECTIONS = [
  {
    id: 'validators',
    title: 'Validators',
    command: 'npm run bench -- validators',
    knobs: ['VALIDATOR_ROUNDS', 'VALIDATOR_MS', 'VALIDATOR_WARMUP_MS'],
    glance: validatorRows,
  },
  {
    id: 'http',
    title: 'HTTP',
    command: 'npm run bench -- http',
    knobs: names(`DURATION DURATION_LONG LONG WARMUP RUNS CONNS THREADS SERVERS ADAPTERS
      CASE_GROUPS MINDOFF_LIMIT THROTTLE THROTTLE_TTL_MS THROTTLE_LIMIT QUIET_BUSY_PCT
      QUIET_MAX_WAIT FOREIGN_MAX RETRIES`),
    glance: httpRows,
  },
  {
    id: 'queue',
    title: 'Queue mode',
    command: 'npm run bench -- queue',
    knobs: ['DURATION', 'RUNS', 'STREAMS'],
    glance: queueRows,
  },
  {
    id: 'idempotency',
    title: 'Idempotency keys',
    command: 'npm run bench -- idempotency',
    knobs: names(
      `DURATION RUNS CONNECTIONS ADAPTERS STORES ROUND_TRIP_REQUESTS RELAY_DELAY_MS WARMUP PIN IDEM_TTL`,
    ),
    glance: idempotencyRows,
  },
  {
    id: 'load',
    title: 'Load',
    command: 'npm run bench -- load',
    knobs: names(`LOAD_SECONDS LOAD_DRIVERS LOAD_ADAPTER LOAD_CLIENTS LOAD_STREAMS
      LOAD_REPORTS_PER_S LOAD_ABUSE_PER_S LOAD_REPORT_PAUSE_MS LOAD_RATE_LIMIT LOAD_SAMPLE_EVERY_S
      LOAD_DRAIN_SECONDS`),
    glance: loadRows,
  },
];
