#!/bin/bash
# Deterministic per-event costs of mm1-<chains> on the engine of <checkout> (default: this one), counted by
# cachegrind with its last level set to this machine's per-core L2 (1 MB): instructions, L1 and L2 misses per
# event. Two run lengths are subtracted, so start-up and compilation cancel out. Needs valgrind; takes ~2 minutes.
# `model` counts the engine (default) or one of mm1-200's reduced models, `floor` (bench/floor.ts) or `sketch`
# (bench/rowsSketch.ts), for the same customers; `browser` is the engine with the worker's options (sampling, audit,
# tracing; samples drained every 250 K events, as `bench:ab --browser`). `snapshot` counts one `snapshot()` of that run
# instead, taken as the worker takes them: after 8 s simulated and 20 snapshots to warm up, 20 more (or none) each after
# 100 ms more and the samples drained; figures per snapshot, in millions. docs/PERFORMANCE.md, "Locality, second round", "Eighth
# session", "Tenth session" and "Eleventh session".
#   bash bench/cachegrind.sh [checkout] [chains] [engine|floor|sketch|browser|snapshot]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "${1:-$here}" && pwd)
chains=${2:-200}
model=${3:-engine}
case "$model" in engine|floor|sketch|browser|snapshot) ;; *) echo "model must be engine, floor, sketch, browser or snapshot, not $model" >&2; exit 2 ;; esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/run.ts" <<TS
import { createSimulation } from '$root/src/engine/index.ts';
import { mm1Chains } from '$root/bench/scenarios.ts';
import { kernelFloor } from '$root/bench/floor.ts';
import { rowsSketch } from '$root/bench/rowsSketch.ts';
const events = Number(process.argv[2]);
if ('$model' === 'engine') {
  const sim = createSimulation(mm1Chains($chains, 80, 10, 1e10), { sampling: false, audit: false });
  sim.runUntil(Infinity, events);
  console.log(sim.events(), sim.snapshot().latencyMs.mean);
} else if ('$model' === 'browser') {
  const sim = createSimulation(mm1Chains($chains, 80, 10, 1e10), { sampling: true, audit: true, tracing: true });
  while (sim.events() < events) { sim.runUntil(Infinity, Math.min(250_000, events - sim.events())); sim.takeSamples(); }
  console.log(sim.events(), sim.snapshot().latencyMs.mean);
} else if ('$model' === 'snapshot') {
  const sim = createSimulation(mm1Chains($chains, 80, 10, 1e10), { sampling: true, audit: true, tracing: true });
  const taken = events === 300000 ? 0 : 20; // the two arms: the same run, with no snapshot or 20
  let t = 8000;
  sim.runUntil(t);
  for (let i = 0; i < 20; i++) { sim.runUntil(t += 100); sim.takeSamples(); sim.snapshot(); }
  for (let i = 0; i < 20; i++) { sim.runUntil(t += 100); sim.takeSamples(); if (i < taken) sim.snapshot(); }
  console.log(sim.events(), sim.snapshot().latencyMs.mean);
} else {
  const r = ('$model' === 'floor' ? kernelFloor : rowsSketch)($chains, 1000 / 80, 10, events);
  console.log(events, r.meanLatencyMs);
}
TS
(cd "$here" && npx esbuild "$work/run.ts" --bundle --platform=node --format=esm --outfile="$work/run.mjs" --log-level=error)
for n in 300000 1300000; do
  valgrind --tool=cachegrind --cache-sim=yes --LL=1048576,16,64 --cachegrind-out-file=/dev/null \
    node --single-threaded "$work/run.mjs" "$n" > "$work/$n.txt" 2>&1 &
done
wait
node - "$work/300000.txt" "$work/1300000.txt" "$chains" "$model" <<'JS'
const fs = require('node:fs');
const read = (f) => {
  const s = fs.readFileSync(f, 'utf8');
  const get = (k) => Number(s.match(new RegExp(k + ':\\s+([\\d,]+)'))[1].replace(/,/g, ''));
  return { i: get('I\\s+refs'), d1: get('D1\\s+misses'), ll: get('LLd\\s+misses'), mean: s.match(/^\d+ ([\d.]+)$/m)[1] };
};
const [a, b] = [read(process.argv[2]), read(process.argv[3])];
const snapshot = process.argv[5] === 'snapshot';
const per = (k) => ((b[k] - a[k]) / (snapshot ? 20e6 : 1e6)).toFixed(snapshot ? 3 : 2);
const counts = { instructions: +per('i'), l1Misses: +per('d1'), l2Misses: +per('ll') };
console.log(JSON.stringify({ name: `cachegrind-mm1-${process.argv[4]}-${process.argv[5]}`, ...(snapshot ? { perSnapshotMillions: counts } : { perEvent: counts }), meanLatencyMs: +b.mean }));
JS
