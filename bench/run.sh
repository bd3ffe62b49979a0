#!/usr/bin/env bash
# `npm run bench [-- all|validators|http|queue]`: builds mindoff (dist/) and the bench code
# (bench/results/dist/), writes the request bodies, then runs the validator micro-benchmark
# (bench/validators/, one process), the interleaved wrk benchmark (bench/harness/run.mjs) and the
# queue-mode benchmark (bench/queue/). Default: all three, in that order. Knobs (env): see
# bench/README.md, e.g.
#   npm run bench -- validators
#   DURATION=3 WARMUP=1 RUNS=1 LONG=0 npm run bench -- http
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
case "$what" in
  all | validators | http | queue) ;;
  *) echo "usage: npm run bench [-- all|validators|http|queue]" >&2; exit 2 ;;
esac
if [ "$what" != validators ]; then
  command -v "${WRK:-wrk}" >/dev/null || { echo "wrk not found (apt-get install wrk)" >&2; exit 1; }
fi
echo "== build: lib -> dist/, bench code -> bench/results/dist/" >&2
npx tsc -p tsconfig.build.json
npx tsc -p bench/tsconfig.json
node bench/harness/make-bodies.mjs bench/results/bodies
status=0
if [ "$what" = all ] || [ "$what" = validators ]; then
  echo "== validators (one process)" >&2
  node bench/results/dist/bench/validators/run.js || status=$?
fi
if [ "$what" = all ] || [ "$what" = http ]; then
  echo "== HTTP (wrk)" >&2
  node bench/harness/run.mjs || status=$?
fi
if [ "$what" = all ] || [ "$what" = queue ]; then
  echo "== queue mode (wrk + SSE clients; needs Redis at REDIS_URL)" >&2
  node bench/results/dist/bench/queue/run.js || status=$?
fi
exit "$status"
