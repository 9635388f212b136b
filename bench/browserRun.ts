/**
 * A scenario run as the browser's worker runs it: tracing, sampling and the audit on, `runUntil` in steps of 100
 * simulated ms, a snapshot every fifth step (the worker takes one every 250 ms of wall time) and the samples taken.
 * Prints one JSON line: events, seconds, events/s. docs/PERFORMANCE.md, "Fourth round".
 *
 *   npx tsx bench/browserRun.ts <scenario.json> <simulated ms> [checkout]   (default: this checkout's engine)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as Engine from '../src/engine';
import type * as Schema from '../src/schema';

async function main(): Promise<void> {
  const [file, until, checkout] = process.argv.slice(2);
  if (!file || !until) { console.error('usage: browserRun.ts <scenario.json> <simulated ms> [checkout]'); process.exit(2); }
  const root = resolve(checkout ?? resolve(import.meta.dirname, '..'));
  const { createSimulation } = await import(`${root}/src/engine/index.ts`) as typeof Engine;
  const { parseScenario } = await import(`${root}/src/schema/index.ts`) as typeof Schema;
  const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) { console.error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n')); process.exit(1); }
  const sim = createSimulation(parsed.scenario, { tracing: true });
  const end = Number(until);
  const t0 = performance.now();
  let snapshots = 0;
  for (let step = 0; step * 100 < end; step++) {
    sim.runUntil((step + 1) * 100);
    if (step % 5 === 0) { sim.snapshot(); sim.takeSamples(); snapshots++; }
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ name: 'browser-run', scenario: file, engine: root, simulatedMs: end, events: sim.events(), snapshots, seconds: +seconds.toFixed(2), eventsPerSec: Math.round(sim.events() / seconds) }));
}

void main();
