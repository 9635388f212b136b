/**
 * L1 data misses and instructions per event of mm1-<chains>, by line of the bundled source: two callgrind runs of different
 * lengths (bench/misslines.sh), their difference per event, each JIT instruction mapped to its JavaScript line through
 * V8's jitdump (`node --perf-prof`). Where cachegrind.sh says how many misses an event costs, this says which loads miss.
 * docs/PERFORMANCE.md, "Eleventh session".
 *
 *   npx tsx bench/missLines.ts <long.out> <long.dump> <short.out> <short.dump> <events between them> <bundle.mjs> [top]
 */
import { readFileSync } from 'node:fs';

interface CodeLoad { start: number; end: number; name: string; lines: { at: number; line: number }[] | null }
type Costs = Map<string, { instructions: number; l1Misses: number }>;

/** The code loads of a jitdump (records JIT_CODE_LOAD = 0 and the JIT_CODE_DEBUG_INFO = 2 before each), by address. */
export function readJitdump(file: string): CodeLoad[] {
  const b = readFileSync(file);
  const loads: CodeLoad[] = [];
  let debug: { addr: number; lines: { at: number; line: number }[] } | null = null;
  for (let o = b.readUInt32LE(8); o + 16 <= b.length;) {
    const id = b.readUInt32LE(o), size = b.readUInt32LE(o + 4), p = o + 16;
    if (size === 0) break;
    if (id === 0) {
      const start = Number(b.readBigUInt64LE(p + 16)), codeSize = Number(b.readBigUInt64LE(p + 24));
      const nameEnd = b.indexOf(0, p + 40);
      loads.push({ start, end: start + codeSize, name: b.toString('utf8', p + 40, nameEnd), lines: debug?.addr === start ? debug.lines : null });
      debug = null;
    } else if (id === 2) {
      const addr = Number(b.readBigUInt64LE(p)), n = Number(b.readBigUInt64LE(p + 8));
      const lines: { at: number; line: number }[] = [];
      for (let i = 0, e = p + 16; i < n; i++) {
        lines.push({ at: Number(b.readBigUInt64LE(e)), line: b.readUInt32LE(e + 8) });
        e = b.indexOf(0, e + 16) + 1; // after the entry's file name
      }
      debug = { addr, lines };
    }
    o += size;
  }
  return loads.sort((x, y) => x.start - y.start);
}

/** The load holding `addr`, by binary search; null for code outside the jitdump (V8's builtins, C++). */
function loadAt(loads: CodeLoad[], addr: number): CodeLoad | null {
  let lo = 0, hi = loads.length - 1, best = -1;
  while (lo <= hi) { const mid = (lo + hi) >> 1; if (loads[mid]!.start <= addr) { best = mid; lo = mid + 1; } else hi = mid - 1; }
  return best >= 0 && addr < loads[best]!.end ? loads[best]! : null;
}

/** "function Lline" for a JIT address, the code's name for code without line info, "native" otherwise. */
function placeOf(loads: CodeLoad[], addr: number): string {
  const load = loadAt(loads, addr);
  if (!load) return 'native';
  if (!load.lines) return load.name.replace(/ file:\S+/, '').slice(0, 60);
  let line = -1;
  for (const l of load.lines) { if (l.at <= addr) line = l.line; else break; }
  return `${load.name.replace(/^JS:[*~^+]?/, '').split(' ')[0]} L${line}`;
}

/**
 * Self costs by place from a callgrind file written with `--dump-instr=yes --cache-sim=yes` (events Ir Dr Dw I1mr D1mr
 * D1mw …): each cost line's address is absolute (0x…), relative to the last (+n, -n) or the same (*); the cost line after
 * a `calls=` line is the call's inclusive cost, not the caller's own, and is skipped.
 */
function selfCosts(out: string, loads: CodeLoad[]): Costs {
  const costs: Costs = new Map();
  let addr = 0, afterCall = false;
  for (const l of readFileSync(out, 'utf8').split('\n')) {
    if (l.startsWith('calls=')) { afterCall = true; continue; }
    const c = l[0];
    if (!(c === '+' || c === '-' || c === '*' || l.startsWith('0x'))) continue;
    const parts = l.split(' ');
    const a = parts[0]!;
    if (a.startsWith('0x')) addr = parseInt(a, 16);
    else if (c === '+') addr += parseInt(a.slice(1), 16);
    else if (c === '-') addr -= parseInt(a.slice(1), 16);
    if (afterCall) { afterCall = false; continue; }
    const ev = parts.slice(2).map(Number);
    const key = placeOf(loads, addr);
    const e = costs.get(key) ?? { instructions: 0, l1Misses: 0 };
    e.instructions += ev[0] || 0;
    e.l1Misses += (ev[4] || 0) + (ev[5] || 0);
    costs.set(key, e);
  }
  return costs;
}

function main(): void {
  const [longOut, longDump, shortOut, shortDump, events, bundle, top] = process.argv.slice(2);
  if (!longOut || !longDump || !shortOut || !shortDump || !events || !bundle) {
    console.error('usage: missLines.ts <long.out> <long.dump> <short.out> <short.dump> <events between them> <bundle.mjs> [top]');
    process.exit(2);
  }
  const source = readFileSync(bundle, 'utf8').split('\n');
  const long = selfCosts(longOut, readJitdump(longDump)), short = selfCosts(shortOut, readJitdump(shortDump));
  const n = Number(events);
  const rows = [...new Set([...long.keys(), ...short.keys()])].map((place) => {
    const a = long.get(place) ?? { instructions: 0, l1Misses: 0 }, b = short.get(place) ?? { instructions: 0, l1Misses: 0 };
    return { place, instructions: (a.instructions - b.instructions) / n, l1Misses: (a.l1Misses - b.l1Misses) / n };
  });
  const sum = (k: 'instructions' | 'l1Misses') => rows.reduce((s, r) => s + r[k], 0);
  console.log(`per event: ${sum('instructions').toFixed(0)} instructions, ${sum('l1Misses').toFixed(1)} L1 data misses (callgrind, D1 32 KB)`);
  console.log('L1 miss  instr  place                        | source line');
  for (const r of rows.sort((x, y) => y.l1Misses - x.l1Misses).slice(0, Number(top ?? 50))) {
    const line = r.place.match(/ L(\d+)$/);
    const text = line ? (source[Number(line[1]) - 1] ?? '').trim().slice(0, 90) : '';
    console.log(`${r.l1Misses.toFixed(2).padStart(7)} ${r.instructions.toFixed(0).padStart(6)}  ${r.place.padEnd(28).slice(0, 28)} | ${text}`);
  }
}

main();
