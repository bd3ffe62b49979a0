// Writes bench/RESULTS.md, run from the repository root by bench/run.sh:
//   node bench/harness/report.mjs [--since <epoch ms>] [section ...]
// For each section named, the newest bench/results/<section>-*.json written since <epoch ms>
// (with its .md) becomes bench/latest/<section>.json, together with the date, the commit, the
// machine and the knobs of this run. RESULTS.md is then rebuilt from every bench/latest/*.json,
// so a section not run this time keeps its last figures and their date. The hand-kept part of
// RESULTS.md from its "## Notes" heading to the end is carried over as it is.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { SECTIONS } from './sections.mjs';

const RESULTS = 'bench/results';
const LATEST = 'bench/latest';
const OUT = 'bench/RESULTS.md';
const NOTES = '## Notes';
const DEFAULT_NOTES = `${NOTES}\n\nHand-kept: what a reader should know about these figures.\n`;

const git = (...args) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
};

function osName() {
  const release = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1];
  return `${pretty ?? os.type()}, ${os.type()} ${os.release()}`;
}

/** The commit, whether the measured code had uncommitted changes, and the machine. */
function facts() {
  const changed = git(
    'status',
    '--porcelain',
    '--',
    'lib',
    'sample',
    'bench',
    ':!bench/RESULTS.md',
    ':!bench/latest',
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3).split('/')[0] + '/');
  const cpus = os.cpus();
  return {
    commit: git('rev-parse', '--short', 'HEAD').trim() || 'unknown',
    uncommitted: [...new Set(changed)].sort(),
    machine: {
      cpu: cpus[0]?.model.trim() ?? 'unknown',
      cores: cpus.length,
      memory_gb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      os: osName(),
    },
  };
}

const withoutRaw = ({ raw: _raw, ...rest }) => rest;

/** `text` as the repository's Prettier writes it (bench/latest/ is in git and linted). */
async function formatted(file, text) {
  try {
    const prettier = await import('prettier');
    return prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });
  } catch {
    return text;
  }
}

/** Makes the newest result of `section` written since `since` its latest record. */
async function adopt(section, since, now) {
  const files = existsSync(RESULTS)
    ? readdirSync(RESULTS)
        .filter((f) => f.startsWith(`${section.id}-`) && f.endsWith('.json'))
        .map((f) => ({ f, at: statSync(join(RESULTS, f)).mtimeMs }))
        .filter((x) => x.at >= since)
        .sort((a, b) => b.at - a.at)
    : [];
  if (!files.length) {
    console.error(`report: no new ${section.id} result; RESULTS.md keeps its last figures`);
    return;
  }
  const { f, at } = files[0];
  const md = join(RESULTS, f.replace(/\.json$/, '.md'));
  const knobs = Object.fromEntries(
    section.knobs.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]),
  );
  const record = {
    section: section.id,
    measured_at: new Date(at).toISOString(),
    ...now,
    knobs,
    source: join(RESULTS, f),
    markdown: existsSync(md) ? readFileSync(md, 'utf8').trim() : '',
    result: withoutRaw(JSON.parse(readFileSync(join(RESULTS, f), 'utf8'))),
  };
  mkdirSync(LATEST, { recursive: true });
  const file = join(LATEST, `${section.id}.json`);
  writeFileSync(file, await formatted(file, JSON.stringify(record, null, 2) + '\n'));
  console.error(`report: ${section.id} from ${record.source}`);
}

const when = (iso) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const machineLine = (m) => `${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB, Node ${m.node}, ${m.os}`;
const commitLine = (r) =>
  `commit ${r.commit}${r.uncommitted.length ? ` with uncommitted changes in ${r.uncommitted.join(', ')}` : ''}`;

function sectionPart(section, record, now) {
  if (!record) return `## ${section.title}\n\nNot measured yet: \`${section.command}\`.\n`;
  const knobs = Object.entries(record.knobs).map(([k, v]) => `${k}=${v}`);
  const sameMachine = JSON.stringify(record.machine) === JSON.stringify(now.machine);
  const meta =
    `_Measured ${when(record.measured_at)}, ${commitLine(record)}, ` +
    `${knobs.length ? `knobs ${knobs.map((k) => `\`${k}\``).join(' ')}` : 'default knobs'}, ` +
    `${sameMachine ? 'on the machine above' : `on ${machineLine(record.machine)}`} ` +
    `(\`${section.command}\`)._`;
  return `## ${section.title}\n\n${meta}\n\n${record.markdown}\n`;
}

function glance(records) {
  const rows = [];
  for (const section of SECTIONS) {
    const record = records.get(section.id);
    if (!record) continue;
    try {
      for (const row of section.glance(record.result))
        rows.push({ section: section.title, ...row });
    } catch (error) {
      rows.push({ section: section.title, measure: `unreadable result: ${error.message}` });
    }
  }
  if (!rows.length) return 'Nothing measured yet: run `npm run bench`.';
  return [
    '| section | measure | figure | raw figures (mindoff / baseline where there is one) | target |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.section} | ${r.measure} | **${r.figure ?? ''}** | ${r.raw ?? ''} | ${r.target ?? ''} |`,
    ),
  ].join('\n');
}

function render(now) {
  const records = new Map(
    SECTIONS.filter((s) => existsSync(join(LATEST, `${s.id}.json`))).map((s) => [
      s.id,
      JSON.parse(readFileSync(join(LATEST, `${s.id}.json`), 'utf8')),
    ]),
  );
  const old = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  const notesAt = old.indexOf(`\n${NOTES}\n`);
  const notes = notesAt >= 0 ? old.slice(notesAt + 1).trim() + '\n' : DEFAULT_NOTES;
  const head =
    '# Benchmark results\n\n' +
    '<!-- Written by `npm run bench` (bench/harness/report.mjs) from bench/latest/*.json: edit only the Notes at the end. -->\n\n' +
    `Regenerated ${when(new Date().toISOString())} on ${commitLine(now)}; ` +
    `machine: ${machineLine(now.machine)}.\n\n` +
    'Every section keeps the figures of its own last run, with its date, commit and knobs ' +
    '(`npm run bench -- <section>` measures one again). Each ratio is mindoff ÷ a baseline ' +
    'measured in the same run, on the same machine. How each is measured, and the knobs: ' +
    '[bench/README.md](README.md); the raw runs stay in `bench/results/` (not in git).\n';
  const parts = SECTIONS.map((s) => sectionPart(s, records.get(s.id), now));
  return `${head}\n## At a glance\n\n${glance(records)}\n\n${parts.join('\n')}\n${notes}`;
}

const args = process.argv.slice(2);
const sinceAt = args.indexOf('--since');
const since = sinceAt >= 0 ? Number(args.splice(sinceAt, 2)[1]) : 0;
const unknown = args.filter((a) => !SECTIONS.some((s) => s.id === a));
if (unknown.length) {
  console.error(
    `report: unknown section ${unknown.join(', ')} (${SECTIONS.map((s) => s.id).join(', ')})`,
  );
  process.exit(2);
}
const now = facts();
for (const section of SECTIONS.filter((s) => args.includes(s.id))) await adopt(section, since, now);
writeFileSync(OUT, render(now));
console.error(`report: ${OUT} written`);
