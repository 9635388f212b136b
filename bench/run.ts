/**
 * `npm run bench`: the engine's speed and memory, each as one JSON line, with the speed anchor
 * (../shared/bench/des-anchor.js) run in the same process sequence so machine noise cancels out.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSimulation } from '../src/engine';
import { mm1Chains } from './scenarios';

const ANCHOR = resolve(import.meta.dirname, '../../shared/bench/des-anchor.js');
const quick = process.argv.includes('--quick');
const EVENTS = quick ? 1_000_000 : 10_000_000;

interface Line { name: string; eventsPerSec: number; messagesPerSec: number; [k: string]: unknown }

function anchor(): { eventsPerSec: number } & Record<string, unknown> {
  if (!existsSync(ANCHOR)) throw new Error(`speed anchor not found at ${ANCHOR}`);
  const out = execFileSync(process.execPath, [ANCHOR, 'typed', '1', '200', String(EVENTS)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** Runs a scenario for a number of model events and measures wall time (no sampling, as the CLI). */
function measure(name: string, scenario: ReturnType<typeof mm1Chains>, events: number): Line {
  const sim = createSimulation(scenario, { sampling: false });
  const t0 = process.hrtime.bigint();
  // Run in slices of simulated time until the event budget is spent.
  while (sim.events() < events) {
    const r = sim.runUntil(Infinity, events - sim.events());
    if (r.error) throw new Error(r.error.message);
    if (r.reached) break;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const snap = sim.snapshot();
  return {
    name, events: sim.events(), seconds: +seconds.toFixed(3),
    eventsPerSec: Math.round(sim.events() / seconds), messagesPerSec: Math.round(snap.messages.acked / seconds),
    simulatedSeconds: +(snap.timeMs / 1000).toFixed(1), meanLatencyMs: snap.latencyMs.mean,
  };
}

function print(line: object): void { console.log(JSON.stringify(line)); }

const before = anchor();
print({ name: 'anchor-typed-mm1-200', ...before });
const mm1 = measure('mm1-200', mm1Chains(200, 80, 10, 1e10), EVENTS);
const after = anchor();
print({ name: 'anchor-typed-mm1-200', ...after });
const anchorEps = (before.eventsPerSec + after.eventsPerSec) / 2;
print({ ...mm1, anchorEventsPerSec: Math.round(anchorEps), ratioToAnchor: +(mm1.eventsPerSec / anchorEps).toFixed(3), goal: 0.5, analyticMeanMs: 50 });
