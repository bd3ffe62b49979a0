#!/usr/bin/env bash
# `npm run bench [-- all|validators|http|queue|idempotency|load|report]`: builds mindoff (dist/)
# and the bench code with the sample (bench/results/dist/), writes the request bodies, then runs
# the validator micro-benchmark (bench/validators/, one process), the interleaved wrk benchmark
# (bench/harness/run.mjs), the queue-mode benchmark (bench/queue/), the idempotency-key benchmark
# (bench/idempotency/) and the load on the sample (bench/load/). Default: all five, in that
# order. Then bench/harness/report.mjs rewrites bench/RESULTS.md with the sections just run (the
# others keep their last figures); `report` only rewrites it, and RECORD=0 leaves it alone. Knobs (env): see bench/README.md, e.g.
#   npm run bench -- validators
#   DURATION=3 WARMUP=1 RUNS=1 LONG=0 npm run bench -- http
#   LOAD_SECONDS=10 npm run bench -- load
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
case "$what" in
  all) sections="validators http queue idempotency load" ;;
  validators | http | queue | load | idempotency) sections="$what" ;;
  report) exec node bench/harness/report.mjs ;;
  *) echo "usage: npm run bench [-- all|validators|http|queue|load|idempotency|report]" >&2; exit 2 ;;
esac
if [[ " $sections " == *" http "* || " $sections " == *" queue "* || " $sections " == *" idempotency "* ]]; then
  if ! command -v "${WRK:-wrk}" >/dev/null; then
    # As npm test sets up Chromium: installed once when root with apt, named otherwise.
    if [ "$(id -u)" = 0 ] && [ -z "${WRK:-}" ] && command -v apt-get >/dev/null 2>&1; then
      echo "npm run bench: installing Debian package wrk (once) ..." >&2
      apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
    fi
    command -v "${WRK:-wrk}" >/dev/null || { echo "wrk not found: sudo apt-get install wrk (or set WRK)" >&2; exit 1; }
  fi
fi
since=$(node -e 'console.log(Date.now())')
echo "== build: lib -> dist/, bench code and sample -> bench/results/dist/" >&2
npx tsc -p tsconfig.build.json
npx tsc -p bench/tsconfig.json
node bench/harness/make-bodies.mjs bench/results/bodies
status=0
for section in $sections; do
  case "$section" in
    validators)
      echo "== validators (one process)" >&2
      node bench/results/dist/bench/validators/run.js || status=$?
      ;;
    http)
      echo "== HTTP (wrk)" >&2
      node bench/harness/run.mjs || status=$?
      ;;
    queue)
      echo "== queue mode (wrk + SSE clients; needs Redis at REDIS_URL)" >&2
      node bench/results/dist/bench/queue/run.js || status=$?
      ;;
    idempotency)
      echo "== idempotency keys: a POST with a fresh key vs without (wrk; redis needs REDIS_URL)" >&2
      node bench/idempotency/run.mjs || status=$?
      ;;
    load)
      echo "== load: ${LOAD_SECONDS:-60} s of mixed traffic on the sample" >&2
      node bench/results/dist/bench/load/run.js || status=$?
      ;;
  esac
done
if [ "${RECORD:-1}" != 0 ]; then
  # shellcheck disable=SC2086 # one word per section
  node bench/harness/report.mjs --since "$since" $sections || status=$?
fi
exit "$status"
