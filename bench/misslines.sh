#!/bin/bash
# Which lines of mm1-<chains>'s path miss the L1 data cache, and how many instructions each takes, per event: two runs
# under valgrind's callgrind (cache simulation, per instruction) with V8 writing a jitdump (`--perf-prof`), subtracted,
# each instruction mapped to its line of the bundled source (bench/missLines.ts). A run of <long> events minus one of
# <short> (defaults 1 000 000 and 600 000: pooled messages and deliveries made at the start stay in the young generation
# for about the first million events, and every store of one into an old object then takes the write barrier's slow path,
# so earlier windows show more of `RecordWriteSaveFP` than a long run has). Needs valgrind; about 10 minutes.
# docs/PERFORMANCE.md, "Eleventh session".
#   bash bench/misslines.sh [checkout] [chains] [short] [long] [top]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "${1:-$here}" && pwd)
chains=${2:-200}
short=${3:-600000}
long=${4:-1000000}
top=${5:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/run.ts" <<TS
import { createSimulation } from '$root/src/engine/index.ts';
import { mm1Chains } from '$root/bench/scenarios.ts';
const sim = createSimulation(mm1Chains($chains, 80, 10, 1e10), { sampling: false, audit: false });
sim.runUntil(Infinity, Number(process.argv[2]));
console.log(sim.events(), sim.snapshot().latencyMs.mean);
TS
(cd "$here" && npx esbuild "$work/run.ts" --bundle --platform=node --format=esm --outfile="$work/run.mjs" --log-level=error)
for n in "$short" "$long"; do
  mkdir -p "$work/$n"
  (cd "$work/$n" && valgrind --tool=callgrind --dump-instr=yes --cache-sim=yes --D1=32768,8,64 --LL=1048576,16,64 \
    --callgrind-out-file="$work/$n/callgrind.out" node --perf-prof --no-write-protect-code-memory --single-threaded \
    "$work/run.mjs" "$n" > "$work/$n/log.txt" 2>&1) &
done
wait
dump() { ls "$work/$1"/jit-*.dump | head -1; }
(cd "$here" && npx tsx bench/missLines.ts "$work/$long/callgrind.out" "$(dump "$long")" "$work/$short/callgrind.out" "$(dump "$short")" \
  "$((long - short))" "$work/run.mjs" "$top")
