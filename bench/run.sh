#!/usr/bin/env bash
# `npm run bench`: builds mindoff (dist/) and the bench servers (bench/results/dist/), writes the
# request bodies, then runs the interleaved wrk benchmark (bench/harness/run.mjs) and prints the
# table and the ratios. Knobs (env): see bench/README.md, e.g.
#   DURATION=3 WARMUP=1 RUNS=1 LONG=0 npm run bench
set -euo pipefail
cd "$(dirname "$0")/.."
command -v "${WRK:-wrk}" >/dev/null || { echo "wrk not found (apt-get install wrk)" >&2; exit 1; }
echo "== build: lib -> dist/, bench servers -> bench/results/dist/" >&2
npx tsc -p tsconfig.build.json
npx tsc -p bench/tsconfig.json
node bench/harness/make-bodies.mjs bench/results/bodies
node bench/harness/run.mjs
