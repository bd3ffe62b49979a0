// Derived from the baseline harness (/work/shared/baseline-bench/harness/run.mjs); run from the
// repository root by bench/run.sh. For each round, for each case: wait for the box to be quiet,
// start a fresh server process (PID kept), smoke-test it (round 1), warm up, load it once with
// wrk, stop it by its PID. Rounds are interleaved (A,B,C,... A,B,C,...) so slow drifts and other
// tenants' load spread over all cases. Per run it records the CPU used by processes that are
// neither the server nor wrk ("foreign" load) and redoes runs where it was high.
// Prints a markdown table (median req/s, p99) and the mindoff/bare and mindoff/stack ratios, and
// writes everything to bench/results/http-<stamp>.{json,md}. Nothing here is an assertion.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { CASES, GROUPS } from './cases.mjs';
import { smoke } from './smoke.mjs';
import { HZ, NCPU, PIN, pinned, procStat } from './machine.mjs';

const env = (k, d) => process.env[k] ?? d;
const CONNS = +env('CONNS', 10);
const WARMUP = +env('WARMUP', 3);
const RUNS = +env('RUNS', 3);
const THREADS = +env('THREADS', 1);
const PORT = +env('PORT', 3000);
const QUIET_BUSY_PCT = +env('QUIET_BUSY_PCT', 10);
const QUIET_MAX_WAIT = +env('QUIET_MAX_WAIT', 90);
const FOREIGN_MAX = +env('FOREIGN_MAX', 0.15);
const RETRIES = +env('RETRIES', 2);
const WRK = env('WRK', 'wrk');
const RESULTS = 'bench/results';
const BODIES = `${RESULTS}/bodies`;
// targets, shown next to the ratios (informational only): mindoff keeps 90 % of the bare
// handler's throughput; with a responseSchema it answers at least as fast as the bare handler
// mindoff ÷ bare-shaped: every check costs nothing beyond the answer it sends.
const TARGET_SHAPED = 1.0;
const TARGET_SCHEMA_BARE = 1.0;
const TARGET_STACK = { express: 3, fastify: 10 };

const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
mkdirSync(`${RESULTS}/logs`, { recursive: true });
const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---- CPU accounting from /proc ---------------------------------------------------------------
function sysTicks() {
  // [busy, total] over all CPUs
  const f = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  return [total - f[3] - f[4], total];
}
function processTable() {
  // pid -> { ppid, ticks (incl. reaped children) }
  const t = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const st = procStat(d);
    if (st)
      t.set(d, { ppid: st[1], own: +st[11] + +st[12], all: +st[11] + +st[12] + +st[13] + +st[14] });
  }
  return t;
}
function descendants(table, roots) {
  const mine = new Set(roots.map(String));
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, { ppid }] of table) {
      if (!mine.has(p) && mine.has(ppid)) {
        mine.add(p);
        grew = true;
      }
    }
  }
  return mine;
}
const treeTicks = (root) => {
  const t = processTable();
  let sum = 0;
  for (const p of descendants(t, [root])) sum += t.get(p)?.own ?? 0;
  return sum;
};
// CPU ticks of every process except ours (server tree, this harness and wrk) and kernel threads
function foreignSnapshot(serverPid) {
  const t = processTable();
  const mine = descendants(t, [process.pid, serverPid]);
  const m = new Map();
  for (const [p, { ppid, all }] of t) if (p !== '2' && ppid !== '2' && !mine.has(p)) m.set(p, all);
  return m;
}
function foreignTicks(a, b) {
  let t = 0;
  for (const [p, v] of b) t += Math.max(0, v - (a.get(p) ?? 0));
  return t;
}
const selfChildTicks = () => {
  const st = procStat(process.pid); // reaped children = wrk
  return +st[13] + +st[14];
};
async function waitQuiet() {
  const start = Date.now();
  let quietSecs = 0;
  while ((Date.now() - start) / 1000 < QUIET_MAX_WAIT) {
    const [b0, t0] = sysTicks();
    await sleep(1000);
    const [b1, t1] = sysTicks();
    quietSecs = (100 * (b1 - b0)) / Math.max(1, t1 - t0) < QUIET_BUSY_PCT ? quietSecs + 1 : 0;
    if (quietSecs >= 2) return (Date.now() - start) / 1000;
  }
  log(`  box not quiet after ${QUIET_MAX_WAIT}s, running anyway`);
  return -1;
}

// ---- servers ---------------------------------------------------------------------------------
function portOpen(port) {
  return new Promise((res) => {
    const s = net.connect(port, '127.0.0.1');
    s.on('connect', () => {
      s.destroy();
      res(true);
    });
    s.on('error', () => res(false));
  });
}
async function startServer(c) {
  if (await portOpen(PORT))
    throw new Error(`port ${PORT} already in use; refusing to start ${c.id}`);
  const [bin, args] = pinned(NCPU - 1, c.cmd[0], c.cmd.slice(1));
  const logFile = `${RESULTS}/logs/${c.server}_${c.adapter}.log`;
  const out = openSync(logFile, 'a');
  const child = spawn(bin, args, {
    stdio: ['ignore', out, out],
    env: { ...process.env, ...c.env, PORT: String(PORT), NODE_ENV: 'production' },
  });
  const exited = new Promise((r) => child.on('exit', (code, sig) => r({ code, sig })));
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null)
      throw new Error(`${c.id}: server exited with ${child.exitCode} (see ${logFile})`);
    if (await portOpen(PORT)) {
      await sleep(300);
      return { child, exited };
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`${c.id} did not open port ${PORT} (see ${logFile})`);
}
async function stopServer(s) {
  s.child.kill('SIGTERM'); // by PID (child.pid)
  const r = await Promise.race([s.exited, sleep(10_000).then(() => null)]);
  if (!r) {
    s.child.kill('SIGKILL');
    await s.exited;
  }
  for (let i = 0; i < 50 && (await portOpen(PORT)); i++) await sleep(100);
}

// ---- load generator --------------------------------------------------------------------------
function runLoad(body, secs) {
  return new Promise((resolve, reject) => {
    const url = `http://127.0.0.1:${PORT}/v1/orders/create_order/`;
    const args = [
      `-t${THREADS}`,
      `-c${CONNS}`,
      `-d${secs}s`,
      '--latency',
      '-s',
      'bench/wrk/post.lua',
      url,
    ];
    const p = spawn(...pinned(0, WRK, args), {
      env: { ...process.env, BODY_FILE: `${BODIES}/${body}.json` },
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`wrk exit ${code}: ${err}`));
      const m = out.match(/RESULT (.*)/);
      if (!m) return reject(new Error('no RESULT line: ' + out));
      const r = Object.fromEntries(
        m[1]
          .trim()
          .split(' ')
          .map((kv) => [kv.split('=')[0], +kv.split('=')[1]]),
      );
      r.errors = r.connect_err + r.read_err + r.write_err + r.timeout;
      resolve(r);
    });
  });
}

async function measure(c, s) {
  await runLoad(c.body, WARMUP); // warm-up, discarded
  const [b0, t0] = sysTicks();
  const c0 = selfChildTicks();
  const s0 = treeTicks(s.child.pid);
  const fA = foreignSnapshot(s.child.pid);
  const r = await runLoad(c.body, c.duration);
  const fB = foreignSnapshot(s.child.pid);
  const [b1, t1] = sysTicks();
  const c1 = selfChildTicks();
  const s1 = treeTicks(s.child.pid);
  const wall = (t1 - t0) / HZ / NCPU;
  const cores = (ticks) => +(ticks / HZ / wall).toFixed(2);
  const rest = Math.max(0, b1 - b0 - (s1 - s0) - (c1 - c0)); // all CPU not ours
  return {
    ...r,
    server_cores: cores(s1 - s0),
    wrk_cores: cores(c1 - c0),
    foreign_cores: cores(Math.min(rest, foreignTicks(fA, fB))), // capped: reaped children can overcount
  };
}

// ---- main ------------------------------------------------------------------------------------
const results = new Map(CASES.map((c) => [c.id, []]));
const failed = new Map();
const raw = [];
log(
  `threads=${THREADS} conns=${CONNS} pinned=${PIN} warmup=${WARMUP}s runs=${RUNS} cases=${CASES.length} port=${PORT}`,
);
for (let round = 1; round <= RUNS; round++) {
  for (const c of CASES) {
    if (failed.has(c.id)) continue;
    let best = null;
    for (let attempt = 0; attempt <= RETRIES; attempt++) {
      const waited = await waitQuiet();
      let s;
      try {
        s = await startServer(c);
      } catch (e) {
        failed.set(c.id, String(e.message ?? e));
        log(`${c.id}: ${e.message ?? e}`);
        break;
      }
      try {
        if (round === 1 && attempt === 0) {
          const sm = await smoke(PORT, c.smoke, BODIES).catch((e) => ({
            ok: false,
            lines: [String(e)],
          }));
          log(`${c.id}: smoke ${sm.ok ? 'ok' : 'FAILED'}\n${sm.lines.join('\n')}`);
          if (!sm.ok) {
            failed.set(c.id, 'smoke test failed');
            break;
          }
        }
        const r = { id: c.id, round, attempt, waited_s: waited, ...(await measure(c, s)) };
        raw.push(r);
        log(
          `${c.id.padEnd(28)} r${round}a${attempt} rps=${r.rps.toFixed(0).padStart(6)} p99=${r.p99_ms.toFixed(2)}ms ` +
            `non2xx=${r.non2xx} err=${r.errors} server=${r.server_cores} wrk=${r.wrk_cores} foreign=${r.foreign_cores}`,
        );
        if (!best || r.foreign_cores < best.foreign_cores) best = r;
        if (r.foreign_cores <= FOREIGN_MAX) break;
      } catch (e) {
        failed.set(c.id, String(e.message ?? e));
        log(`${c.id}: ${e.message ?? e}`);
        break;
      } finally {
        await stopServer(s);
      }
    }
    if (best) results.get(c.id).push(best);
  }
}

// ---- summary, table, ratios ------------------------------------------------------------------
const f0 = (x) => x.toFixed(0);
const f2 = (x) => x.toFixed(2);
const summary = new Map();
let md = `| case | req/s (median of ${RUNS}) | runs req/s | p99 ms (median) | non-2xx / sock err | server cores | max foreign cores |\n`;
md += '|---|---:|---|---:|---|---:|---:|\n';
for (const c of CASES) {
  const rs = results.get(c.id);
  if (!rs.length) {
    md += `| ${c.id} | FAILED: ${failed.get(c.id) ?? 'no run'} ||||||\n`;
    continue;
  }
  const row = {
    id: c.id,
    server: c.server,
    adapter: c.adapter,
    group: c.group,
    body: c.body,
    duration: c.duration,
    rps: median(rs.map((r) => r.rps)),
    p99_ms: median(rs.map((r) => r.p99_ms)),
    p50_ms: median(rs.map((r) => r.p50_ms)),
    runs: rs.map((r) => r.rps),
    rounds: rs.map((r) => r.round),
    non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
    errors: rs.reduce((a, r) => a + r.errors, 0),
    server_cores: median(rs.map((r) => r.server_cores)),
    foreign_cores: Math.max(...rs.map((r) => r.foreign_cores)),
  };
  summary.set(c.id, row);
  md +=
    `| ${c.id} | ${f0(row.rps)} | ${row.runs.map(f0).join(' / ')} | ${f2(row.p99_ms)} | ` +
    `${row.non2xx} / ${row.errors} | ${f2(row.server_cores)} | ${f2(row.foreign_cores)} |\n`;
}

// ratio of the medians, plus the ratio within each round (the runs of one round ran side by side)
function ratio(num, den, target) {
  if (!num || !den) return null;
  const perRound = num.rounds
    .filter((rd) => den.rounds.includes(rd))
    .map((rd) => num.runs[num.rounds.indexOf(rd)] / den.runs[den.rounds.indexOf(rd)]);
  const value = num.rps / den.rps;
  // no target: a reference figure (bare-shaped ÷ bare, the ceiling of mindoff ÷ bare)
  return {
    value,
    per_round: perRound,
    target,
    meets_target: target == null ? null : value >= target,
  };
}
const ratios = [];
let rmd =
  '| body, duration | adapter | mindoff / bare answering as mindoff | target | per round | mindoff + responseSchema / bare | target | per round | mindoff / stack | target | per round | mindoff / bare | per round | bare answering as mindoff / bare | per round |\n';
rmd += '|---|---|---:|---:|---|---:|---:|---|---:|---:|---|---:|---|---:|---|\n';
const showRatio = (r) =>
  r && r.target == null
    ? [`**${f2(r.value)}**`, r.per_round.map(f2).join(' / ')]
    : r
      ? [
          `**${f2(r.value)}**`,
          `≥ ${r.target} ${r.meets_target ? '(met)' : '(not met)'}`,
          r.per_round.map(f2).join(' / '),
        ]
      : ['n/a', '', ''];
for (const g of GROUPS) {
  for (const adapter of new Set(CASES.map((c) => c.adapter))) {
    const row = (server) => summary.get(`${server}_${adapter} ${g.body} ${g.duration}s`);
    const vsShaped = ratio(row('mindoff'), row('bare-shaped'), TARGET_SHAPED);
    const vsBare = ratio(row('mindoff'), row('bare'), null);
    const schemaVsBare = ratio(row('mindoff-schema'), row('bare'), TARGET_SCHEMA_BARE);
    const vsStack = ratio(row('mindoff'), row('stack'), TARGET_STACK[adapter]);
    const shapedVsBare = ratio(row('bare-shaped'), row('bare'), null);
    ratios.push({
      group: g.group,
      body: g.body,
      duration: g.duration,
      adapter,
      mindoff_over_shaped: vsShaped,
      mindoff_over_bare: vsBare,
      mindoff_schema_over_bare: schemaVsBare,
      mindoff_over_stack: vsStack,
      shaped_over_bare: shapedVsBare,
    });
    const cells = [
      ...showRatio(vsShaped),
      ...showRatio(schemaVsBare),
      ...showRatio(vsStack),
      ...(vsBare ? showRatio(vsBare) : ['n/a', '']),
      ...(shapedVsBare ? showRatio(shapedVsBare) : ['n/a', '']),
    ];
    rmd += `| ${g.body} ${g.duration}s | ${adapter} | ${cells.join(' | ')} |\n`;
  }
}

const config = {
  conns: CONNS,
  threads: THREADS,
  pinned: PIN,
  warmup: WARMUP,
  runs: RUNS,
  groups: GROUPS,
  port: PORT,
  cpus: NCPU,
  node: process.version,
};
writeFileSync(
  `${RESULTS}/http-${stamp}.json`,
  JSON.stringify(
    {
      stamp,
      config,
      summary: [...summary.values()],
      ratios,
      failed: Object.fromEntries(failed),
      raw,
    },
    null,
    1,
  ),
);
const out = `### Runs (wrk -t${THREADS} -c${CONNS}${PIN ? `, server on core ${NCPU - 1} and wrk on core 0` : ``}, warm-up ${WARMUP} s, ${RUNS} interleaved rounds)\n\n${md}\n### Ratios (req/s, median of ${RUNS})\n\n${rmd}`;
writeFileSync(`${RESULTS}/http-${stamp}.md`, out);
console.log(out);
log(`results: ${RESULTS}/http-${stamp}.json and .md`);
if (failed.size) process.exitCode = 1; // a server that did not start or failed its smoke test
