/**
 * `npm run bench:ab -- <other checkout> [--chains 200] [--slices 30] [--events 400000] [--browser]`: is this
 * checkout's engine faster than another's on mm1-<chains>? Both engines run in this process, in alternating slices
 * of the same workload (which goes first flips every slice), so that the machine's minute-to-minute swings
 * (±20 % on a shared 2-core VM) fall on both alike. Prints the events/s of each and the median ratio of
 * paired slices; a change worth keeping shows in the median, not in one run (docs/PERFORMANCE.md, "Method").
 * Both run without sampling, audit or tracing, as the CLI's benchmarks do; `--browser` runs them as the browser's
 * worker does (src/worker/simulationWorker.ts: tracing on, sampling and audit at their default, on), taking the
 * samples after every slice as the worker takes them every frame. The audit remembers every message id, so memory
 * grows with the run there.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { createSimulation } from '../src/engine';
import type { mm1Chains } from './scenarios';

/** The other checkout's modules have the same shape as ours (types only: its code is loaded at run time). */
interface EngineModule { createSimulation: typeof createSimulation }
interface ScenariosModule { mm1Chains: typeof mm1Chains }
type Runner = (events: number) => void;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
}

/** A runner of `chains` mm1 chains on the engine of the checkout at `root` (`browser`: with the worker's options). */
async function runnerOf(root: string, chains: number, browser: boolean): Promise<Runner> {
  const engine = (await import(pathToFileURL(resolve(root, 'src/engine/index.ts')).href)) as EngineModule;
  const scenarios = (await import(pathToFileURL(resolve(root, 'bench/scenarios.ts')).href)) as ScenariosModule;
  const options = browser ? { sampling: true, audit: true, tracing: true } : { sampling: false, audit: false };
  const sim = engine.createSimulation(scenarios.mm1Chains(chains, 80, 10, 1e10), options);
  return (events) => {
    const start = sim.events();
    while (sim.events() - start < events) sim.runUntil(Infinity, Math.min(250_000, events));
    if (browser) sim.takeSamples();
  };
}

/** Wall seconds and process CPU seconds of one slice (CPU time is steadier when other processes share the cores). */
function timed(run: Runner, events: number): [number, number] {
  const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
  run(events);
  const c = process.cpuUsage(c0);
  return [Number(process.hrtime.bigint() - t0) / 1e9, (c.user + c.system) / 1e6];
}

/** The median of the per-slice ratios base/here. */
function medianRatio(base: number[], here: number[]): number {
  const ratios = base.map((t, i) => t / here[i]!).sort((a, b) => a - b);
  return +ratios[ratios.length >> 1]!.toFixed(3);
}

async function main(): Promise<void> {
  const other = process.argv[2];
  if (!other || other.startsWith('--')) throw new Error('usage: npm run bench:ab -- <other checkout> [--chains 200] [--slices 30] [--events 400000] [--browser]');
  const chains = option('chains', 200), slices = option('slices', 30), events = option('events', 400_000);
  const browser = process.argv.includes('--browser');
  const base = await runnerOf(resolve(other), chains, browser);
  const here = await runnerOf(resolve(import.meta.dirname, '..'), chains, browser);
  base(500_000); here(500_000); // warm-up: both optimised before the first slice counts
  const tBase: number[] = [], tHere: number[] = [], cBase: number[] = [], cHere: number[] = [];
  for (let i = 0; i < slices; i++) {
    const order = i % 2 === 0 ? [base, here] : [here, base];
    for (const run of order) {
      const [wall, cpu] = timed(run, events);
      (run === base ? tBase : tHere).push(wall);
      (run === base ? cBase : cHere).push(cpu);
    }
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({
    name: `ab-mm1-${chains}${browser ? '-browser' : ''}`, other: resolve(other), slices, eventsPerSlice: events,
    otherEventsPerSec: Math.round((slices * events) / sum(tBase)), thisEventsPerSec: Math.round((slices * events) / sum(tHere)),
    speedupTotal: +(sum(tBase) / sum(tHere)).toFixed(3), speedupMedianPair: medianRatio(tBase, tHere),
    speedupMedianPairCpu: medianRatio(cBase, cHere),
  }));
}

main().catch((e: unknown) => { console.error(e instanceof Error ? e.message : String(e)); process.exit(2); });
