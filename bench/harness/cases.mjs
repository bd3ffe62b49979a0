// Derived from the baseline harness (/work/shared/baseline-bench/harness/cases.mjs).
// Every case = one server (bare | bare-shaped | stack | mindoff | mindoff-schema) on one adapter, one body and one duration.
// Each server entry is exec'd directly with `node` (no shell), so the PID we hold is the server's.

const env = (k, d) => process.env[k] ?? d;
const list = (k, all) => (process.env[k] ? process.env[k].split(',') : all);

export const SERVERS = {
  bare: { label: 'Nest bare (no mindoff, no validation)', smoke: 'bare' },
  'bare-shaped': {
    label:
      'Nest bare answering as mindoff does (envelope, X-Request-Id, RateLimit-Policy + RateLimit), no checks',
    smoke: 'shaped',
  },
  stack: {
    label: 'Nest standard stack (token guard + ThrottlerGuard + class-validator + envelope)',
    smoke: 'stack',
  },
  mindoff: {
    label: 'mindoff (sample orders/create_order v1, strict schema, rate limit on)',
    smoke: 'mindoff',
  },
  'mindoff-schema': {
    label: 'mindoff, the same API with a responseSchema (compiled serializer)',
    smoke: 'mindoff',
  },
};
export const ADAPTERS = ['express', 'fastify'];

const DURATION = +env('DURATION', 10);
const DURATION_LONG = +env('DURATION_LONG', 60);
// group: the cases compared with one another in the ratio table
export const GROUPS = [
  { group: 'small', body: 'small', duration: DURATION },
  ...(env('LONG', '1') === '0'
    ? []
    : [{ group: 'small-long', body: 'small', duration: DURATION_LONG }]),
  { group: 'large', body: 'large', duration: DURATION },
].filter((g) => list('CASE_GROUPS', ['small', 'small-long', 'large']).includes(g.group));

export const CASES = GROUPS.flatMap((g) =>
  list('ADAPTERS', ADAPTERS).flatMap((adapter) =>
    list('SERVERS', Object.keys(SERVERS)).map((server) => ({
      id: `${server}_${adapter} ${g.body} ${g.duration}s`,
      server,
      adapter,
      ...g,
      smoke: SERVERS[server].smoke,
      cmd: ['node', `bench/results/dist/bench/servers/${server}.js`],
      env: { ADAPTER: adapter },
    })),
  ),
);
