/**
 * `npm run bench`: the engine's speed and memory, one JSON line per measurement, with the speed anchor
 * (../shared/bench/des-anchor.js typed 1 200) run in the same process sequence, before and after our
 * runs, so that machine noise cancels out in the ratio. `--quick` runs a tenth of the work.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSimulation, type Simulation } from '../src/engine';
import { parseScenario, type Scenario } from '../src/schema';
import { kernelFloor } from './floor';
import { rowsSketch } from './rowsSketch';
import { mm1Chains } from './scenarios';

const root = resolve(import.meta.dirname, '..');
const ANCHOR = resolve(root, '../shared/bench/des-anchor.js');
const quick = process.argv.includes('--quick');
const scale = quick ? 0.1 : 1;
const MM1_EVENTS = 10_000_000 * scale;
const ONE_WAY_MESSAGES = 10_000_000 * scale;

interface Line { name: string; eventsPerSec: number; messagesPerSec: number; [k: string]: unknown }

const print = (line: object) => console.log(JSON.stringify(line));

function anchor(): { eventsPerSec: number } {
  if (!existsSync(ANCHOR)) throw new Error(`speed anchor not found at ${ANCHOR}`);
  const out = execFileSync(process.execPath, [ANCHOR, 'typed', '1', '200', String(MM1_EVENTS)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function example(name: string): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(resolve(root, 'examples', name), 'utf8')));
  if (!r.ok) throw new Error(`${name}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return { ...r.scenario, durationMs: 1e10 };
}

/** Runs until `done(sim)` in slices of events; returns wall seconds. `onSlice` sees progress. */
function drive(sim: Simulation, done: (s: Simulation) => boolean, onSlice?: (s: Simulation) => void): number {
  const t0 = process.hrtime.bigint();
  while (!done(sim)) {
    const r = sim.runUntil(Infinity, 250_000);
    if (r.error) throw new Error(r.error.message);
    onSlice?.(sim);
  }
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function line(name: string, sim: Simulation, seconds: number, extra: object = {}): Line {
  const snap = sim.snapshot();
  return {
    name, events: sim.events(), seconds: +seconds.toFixed(3),
    eventsPerSec: Math.round(sim.events() / seconds), messagesPerSec: Math.round(snap.messages.acked / seconds),
    simulatedSeconds: +(snap.timeMs / 1000).toFixed(1), meanLatencyMs: snap.latencyMs.mean, ...extra,
  };
}

function mm1(): Line {
  const sim = createSimulation(mm1Chains(200, 80, 10, 1e10), { sampling: false, audit: false });
  const seconds = drive(sim, (s) => s.events() >= MM1_EVENTS);
  return line('mm1-200', sim, seconds, { analyticMeanMs: 50 });
}

/** A reduced model of mm1-200 (same chains, same customers, MM1_EVENTS events) as a bench line. */
function reducedMm1(name: string, run: (chains: number, arrivalMs: number, serviceMs: number, events: number) => { seconds: number; meanLatencyMs: number }): Line {
  const r = run(200, 1000 / 80, 10, MM1_EVENTS);
  return {
    name, events: MM1_EVENTS, seconds: +r.seconds.toFixed(3), eventsPerSec: Math.round(MM1_EVENTS / r.seconds),
    messagesPerSec: Math.round(MM1_EVENTS / 2 / r.seconds), meanLatencyMs: r.meanLatencyMs, analyticMeanMs: 50,
  };
}

/** one-way at full speed, with heap use (after GC when --expose-gc is on) every 10% of the way. */
function oneWay(): Line {
  const sim = createSimulation(example('one-way.json'), { sampling: false, audit: false });
  const heapMB: number[] = [];
  let nextMark = ONE_WAY_MESSAGES / 10;
  const gc = (globalThis as { gc?: () => void }).gc;
  const seconds = drive(sim, (s) => s.snapshot().messages.acked >= ONE_WAY_MESSAGES, (s) => {
    if (s.snapshot().messages.acked < nextMark) return;
    nextMark += ONE_WAY_MESSAGES / 10;
    gc?.();
    heapMB.push(Math.round(process.memoryUsage().heapUsed / 1e5) / 10);
  });
  return line('one-way', sim, seconds, { goalMessagesPerSec: 1_000_000, heapUsedMBEvery10Percent: heapMB, gcBeforeReading: Boolean(gc) });
}

const before = anchor();
print({ name: 'anchor', ...before });
const mm1Line = mm1();
// The kernel, streams and histograms alone (floor.ts): what the broker model adds is the rest.
const floorLine = reducedMm1('kernel-floor', kernelFloor);
// The chains as the typed-row plan would run them (rowsSketch.ts, an experiment): the plan's ceiling on this kernel.
const sketchLine = reducedMm1('typed-rows-sketch', rowsSketch);
const oneWayLine = oneWay();
const after = anchor();
print({ name: 'anchor', ...after });
const anchorEps = (before.eventsPerSec + after.eventsPerSec) / 2;
const ratio = (l: Line) => +(l.eventsPerSec / anchorEps).toFixed(3);
print({ ...mm1Line, anchorEventsPerSec: Math.round(anchorEps), ratioToAnchor: ratio(mm1Line), goalRatio: 0.5, ratioToKernelFloor: +(mm1Line.eventsPerSec / floorLine.eventsPerSec).toFixed(3) });
// Same seeds and streams as mm1-200's producers and consumers: the same customers, so the same mean latency.
print({ ...floorLine, anchorEventsPerSec: Math.round(anchorEps), ratioToAnchor: ratio(floorLine), sameRunAsMm1: floorLine.meanLatencyMs === mm1Line.meanLatencyMs });
print({ ...sketchLine, anchorEventsPerSec: Math.round(anchorEps), ratioToAnchor: ratio(sketchLine), sameRunAsMm1: sketchLine.meanLatencyMs === mm1Line.meanLatencyMs, experiment: true });
print({ ...oneWayLine, anchorEventsPerSec: Math.round(anchorEps), ratioToAnchor: ratio(oneWayLine) });
