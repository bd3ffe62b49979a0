// `npm run bench -- validators` (run from the repository root by bench/run.sh): the validators of
// contenders.ts on the inputs of inputs.ts, in one process. After a warm-up, every round measures
// every input with every contender (the contenders' order rotating from round to round), so
// drifts and other tenants' load spread over all of them. Prints the median ops/s, the ratios
// mindoff / x against the targets, and mindoff's cost per item as the body grows; writes
// bench/results/validators-<stamp>.{json,md}. The targets are for reading: nothing asserts on
// them, and the exit code is non-zero only when a validator gives a wrong verdict.
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { CONTENDERS } from './contenders';
import { loadInputs, orderOf } from './inputs';
import { makeLoop, measure, type Measurement } from './measure';
import { markdownTable, median } from './report';

const env = (key: string, fallback: number) => Number(process.env[key] ?? fallback);
const ROUNDS = env('VALIDATOR_ROUNDS', 5);
const MS = env('VALIDATOR_MS', 400);
const WARMUP_MS = env('VALIDATOR_WARMUP_MS', 300);
const RESULTS = 'bench/results';
/** mindoff / x must reach these. */
const TARGETS: Readonly<Record<string, number>> = {
  'class-validator': 20,
  ajv: 1,
  'ajv-all': 1,
  zod: 1,
};
const PER_ITEM_SIZES = [10, 100, 1000, 10000];

const log = (...args: unknown[]) =>
  console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...args);
const fixed = (x: number, digits = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  const inputs = loadInputs(`${RESULTS}/bodies`);
  const loops = new Map(CONTENDERS.map((c) => [c.name, makeLoop(c.name === 'class-validator')]));
  const raw: (Measurement & { round: number; input: string; contender: string })[] = [];
  const wrong: string[] = [];
  log(
    `validators: ${CONTENDERS.length} contenders x ${inputs.length} inputs, ${ROUNDS} rounds of ${MS} ms`,
  );

  for (const input of inputs) {
    for (const c of CONTENDERS) {
      const m = await measure(loops.get(c.name)!, c.valid, input.value, WARMUP_MS);
      if (m.passed !== (input.valid ? m.calls : 0)) wrong.push(`${c.name} on ${input.id}`);
    }
  }
  for (const what of wrong) log(`WRONG VERDICT: ${what}`);

  for (let round = 1; round <= ROUNDS; round++) {
    const order = CONTENDERS.map((_, i) => CONTENDERS[(i + round) % CONTENDERS.length]);
    for (const input of inputs) {
      for (const c of order) {
        const m = await measure(loops.get(c.name)!, c.valid, input.value, MS);
        raw.push({ round, input: input.id, contender: c.name, ...m });
      }
    }
    log(`round ${round}/${ROUNDS} done`);
  }

  const opsOf = (input: string, contender: string) =>
    raw.filter((r) => r.input === input && r.contender === contender);
  const summary = inputs.map((input) => ({
    input: input.id,
    ops: Object.fromEntries(
      CONTENDERS.map((c) => [c.name, median(opsOf(input.id, c.name).map((r) => r.ops))]),
    ),
  }));
  const ratios = inputs.flatMap((input) =>
    Object.entries(TARGETS).map(([other, target]) => {
      const mine = opsOf(input.id, 'mindoff');
      const theirs = opsOf(input.id, other);
      const perRound = mine.map((m) => m.ops / theirs.find((t) => t.round === m.round)!.ops);
      const value = median(perRound);
      return { input: input.id, other, value, target, met: value >= target, per_round: perRound };
    }),
  );

  log('mindoff cost per item');
  const mindoff = CONTENDERS.find((c) => c.name === 'mindoff')!;
  const perItem = [];
  for (const items of PER_ITEM_SIZES) {
    const value = orderOf(items);
    const runs = [];
    for (let round = 0; round < ROUNDS; round++) {
      runs.push((await measure(loops.get('mindoff')!, mindoff.valid, value, MS / 2)).ops);
    }
    const nsPerOp = 1e9 / median(runs);
    perItem.push({ items, ns_per_op: nsPerOp, ns_per_item: nsPerOp / items });
  }
  const spread = perItem[perItem.length - 1].ns_per_item / perItem[1].ns_per_item;

  const opsTable = markdownTable(
    ['input', ...CONTENDERS.map((c) => `${c.name} ops/s`)],
    summary.map((s) => [s.input, ...CONTENDERS.map((c) => fixed(s.ops[c.name]))]),
  );
  const ratioTable = markdownTable(
    ['input', ...Object.entries(TARGETS).map(([o, t]) => `mindoff / ${o} (target ≥ ${t})`)],
    inputs.map((input) => [
      input.id,
      ...ratios
        .filter((r) => r.input === input.id)
        .map(
          (r) =>
            `**${fixed(r.value, 2)}** ${r.met ? 'met' : 'NOT MET'} ` +
            `(${fixed(Math.min(...r.per_round), 2)}–${fixed(Math.max(...r.per_round), 2)})`,
        ),
    ]),
  );
  const itemTable = markdownTable(
    ['items', 'mindoff ns/op', 'ns/item'],
    perItem.map((p) => [fixed(p.items), fixed(p.ns_per_op), fixed(p.ns_per_item, 1)]),
  );
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const legend = CONTENDERS.map((c) => `- \`${c.name}\`: ${c.label}`).join('\n');
  const out =
    `### Throughput (ops/s, median of ${ROUNDS} interleaved rounds of ${MS} ms)\n\n` +
    `${legend}\n\n${opsTable}\n### Ratios (median of the per-round ratios; range over rounds)\n\n${ratioTable}\n` +
    `### mindoff's cost per item\n\n${itemTable}\nns/item at ${fixed(PER_ITEM_SIZES[PER_ITEM_SIZES.length - 1])} items / at ${fixed(PER_ITEM_SIZES[1])} items: ` +
    `**${fixed(spread, 2)}** (linear: ≤ 1.5 ${spread <= 1.5 ? 'met' : 'NOT MET'})\n` +
    (wrong.length ? `\nWRONG VERDICTS: ${wrong.join(', ')}\n` : '');
  mkdirSync(RESULTS, { recursive: true });
  const config = {
    rounds: ROUNDS,
    ms: MS,
    warmup_ms: WARMUP_MS,
    node: process.version,
    cpus: cpus().length,
  };
  const json = { stamp, config, summary, ratios, per_item: perItem, wrong, raw };
  writeFileSync(`${RESULTS}/validators-${stamp}.json`, JSON.stringify(json, null, 1));
  writeFileSync(`${RESULTS}/validators-${stamp}.md`, out);
  console.log(out);
  log(`results: ${RESULTS}/validators-${stamp}.json and .md`);
  if (wrong.length) process.exitCode = 1;
}

void main();
