#!/bin/bash
# Where mm1-<chains> spends its time, instruction by instruction: samples the CPU with Linux perf (cpu-clock, so it works
# without hardware counters, e.g. in a VM), maps V8's JIT code through its jitdump, and prints the hottest machine
# instructions with the bundled source line each belongs to. A load that misses the cache shows as a hot instruction at
# or just after it (sampling skid). Needs `perf`; about a minute. docs/PERFORMANCE.md, "Fifth round".
#   bash bench/perfhot.sh [chains] [top]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
chains=${1:-200}
top=${2:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/run.ts" <<TS
import { createSimulation } from '$here/src/engine/index.ts';
import { mm1Chains } from '$here/bench/scenarios.ts';
const sim = createSimulation(mm1Chains($chains, 80, 10, 1e10), { sampling: false, audit: false });
sim.runUntil(Infinity, 1_000_000); // compiled and warm before the part that counts
for (let i = 0; i < 24; i++) sim.runUntil(Infinity, 250_000);
TS
(cd "$here" && npx esbuild "$work/run.ts" --bundle --platform=node --format=esm --outfile="$work/run.mjs" --log-level=error)
(cd "$work" && perf record -q -k 1 -e cpu-clock -F 4000 -o perf.data node --perf-prof --no-write-protect-code-memory run.mjs >/dev/null 2>&1)
(cd "$work" && perf inject --jit -i perf.data -o perf.jit.data)
node - "$work" "$top" <<'JS'
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const [work, top] = [process.argv[2], Number(process.argv[3])];
const data = `${work}/perf.jit.data`;
const source = fs.readFileSync(`${work}/run.mjs`, 'utf8').split('\n');
const perf = (args) => execFileSync('perf', args, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
const symbols = [...perf(['report', '-i', data, '--no-children', '--sort', 'symbol', '--stdio']).matchAll(/^\s+([\d.]+)%\s+\[\.\]\s+(JS:\S+ \S+)/gm)]
  .map((m) => ({ pct: Number(m[1]), name: m[2] })).slice(0, 20);
const hot = [];
for (const s of symbols) {
  let line = 0;
  for (const l of perf(['annotate', '-i', data, '--stdio', '-s', s.name]).split('\n')) {
    const at = l.match(/^\s+:\s+\d+\s+file:\/\/\S+:(\d+)/);
    if (at) { line = Number(at[1]); continue; }
    const ins = l.match(/^\s+([\d.]+)\s+:\s+[0-9a-f]+:\s+(.*)$/);
    if (ins) hot.push({ pct: (Number(ins[1]) * s.pct) / 100, fn: s.name.split(' ')[0].replace('JS:*', ''), line, ins: ins[2].slice(0, 36) });
  }
}
console.log('functions (self %):', symbols.map((s) => `${s.name.split(' ')[0].replace('JS:*', '')} ${s.pct}`).join(', '));
for (const h of hot.sort((a, b) => b.pct - a.pct).slice(0, top)) {
  console.log(`${h.pct.toFixed(2).padStart(5)}%  ${h.fn.padEnd(18)} ${h.ins.padEnd(36)} | ${(source[h.line - 1] ?? '').trim().slice(0, 100)}`);
}
JS
