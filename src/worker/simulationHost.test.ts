import { describe, expect, it } from 'vitest';
import type { MessageView, MetricSample, RunResult, Simulation, Snapshot } from '../engine/api';
import { LIVE_FIELDS } from '../engine/api';
import { PROTOCOL_VERSION, type FrameMessage, type FromWorker, type ToWorker, type Untagged } from '../protocol';
import type { Scenario } from '../schema';
import { SimulationHost } from './simulationHost';

function fakeMessage(id: number): MessageView {
  return {
    id, routingKey: 'k', headers: {}, priority: null, sizeBytes: 1, persistent: false, poison: false, redelivered: false,
    deliveryCount: 0, receiveCount: 0, publishedAtMs: 0, enqueuedAtMs: 0, expiresAtMs: null, deaths: [], trail: [], state: 'ready',
  };
}

/** Test double: one event every 10 simulated ms, each costing `costMs` of the fake wall clock. */
function fakeSimulation(scenario: Scenario, seed: number, clock: { t: number }, costMs = 0.01): Simulation {
  let now = 0;
  let events = 0;
  let sampledTo = 0;
  const next = () => (events + 1) * 10;
  const one = () => { now = next(); events++; clock.t += costMs; };
  const sim: Simulation = {
    scenario, seed, nodeIds: ['p', 'q'], edgeIds: ['e1'],
    now: () => now, events: () => events, nextEventTime: next,
    step(): RunResult { one(); return { events: 1, reached: true }; },
    runUntil(t: number, max = Infinity): RunResult {
      let n = 0;
      while (next() <= t && n < max) { one(); n++; }
      const reached = next() > t;
      if (reached) now = t;
      return { events: n, reached };
    },
    snapshot: () => ({ seed, timeMs: now, events }) as unknown as Snapshot,
    writeLive(out) { out.fill(0); out[0] = events; },
    writeEdgeTraffic(out) { out[0] = events; },
    writeEdgeBackTraffic(out) { out[0] = Math.floor(events / 2); },
    writeEdgeLost(out) { out[0] = Math.floor(events / 3); },
    takeSamples(): MetricSample[] {
      const out: MetricSample[] = [];
      while (sampledTo + 250 <= now) {
        sampledTo += 250;
        out.push({ tMs: sampledTo, nodes: new Float64Array(16), publishedPerSec: 1, ackedPerSec: 1, p50: 1, p95: 2, p99: 3 });
      }
      return out;
    },
    inspectNode: (id, limit = 50) => (id === 'q' ? Array.from({ length: Math.min(limit, events) }, (_, i) => fakeMessage(i + 1)) : null),
    // Forward: the last message, one per event; back: a reply every second event, numbered apart (1000 + n).
    inspectEdge: (id, direction = 'forward') => {
      if (id !== 'e1') return null;
      if (direction === 'back') return events >= 2 ? fakeMessage(1000 + Math.floor(events / 2)) : null;
      return events > 0 ? fakeMessage(events) : null;
    },
    injectFault(fault) {
      if (!['p', 'q', 'e1'].includes(fault.target)) return { ok: false, error: { code: 'bad_fault', message: `no node or edge has id "${fault.target}"` } };
      return { ok: true, recorded: { ...fault, atMs: now, live: true } };
    },
  };
  return sim;
}

function harness(opts: { costMs?: number; fail?: RunResult['error'] } = {}) {
  const clock = { t: 0 };
  const auditLimits: (number | undefined)[] = [];
  const posted: FromWorker[] = [];
  const transfers: Transferable[][] = [];
  let pending: (() => void) | null = null;
  const host = new SimulationHost({
    createSimulation: (scenario, seed, auditIdLimit) => {
      auditLimits.push(auditIdLimit);
      const sim = fakeSimulation(scenario, seed, clock, opts.costMs);
      if (opts.fail) sim.runUntil = () => ({ events: 0, reached: false, error: opts.fail });
      return sim;
    },
    post: (m, t) => { posted.push(m); transfers.push(t); },
    now: () => clock.t,
    schedule: (run) => { pending = run; return 1; },
    cancel: () => { pending = null; },
  });
  const send = (m: Untagged<ToWorker>) => host.handle({ ...m, v: PROTOCOL_VERSION });
  /** Lets wall time pass, then runs the scheduled tick (if any). */
  const tick = (wallMs: number) => { clock.t += wallMs; const run = pending; pending = null; run?.(); };
  const frames = () => posted.filter((m): m is FrameMessage => m.type === 'frame');
  return { host, send, tick, posted, frames, transfers, clock, auditLimits, hasPending: () => pending !== null };
}

const scenario = { durationMs: 1000, seed: 7, faults: [] } as unknown as Scenario;

/** A host that loaded the scenario, played it at `speed` and let `wallMs` of wall time pass (two ticks). */
function played(speed: number, wallMs: number) {
  const h = harness();
  h.send({ type: 'load', scenario, seed: 1 });
  h.send({ type: 'setSpeed', speed });
  h.send({ type: 'play' });
  h.tick(0);
  h.tick(wallMs);
  return h;
}

describe('SimulationHost', () => {
  it('announces a loaded simulation and posts a first frame at time 0 with a snapshot', () => {
    const h = harness();
    h.send({ type: 'load', scenario, seed: 42 });
    expect(h.posted[0]).toMatchObject({ type: 'loaded', seed: 42, durationMs: 1000, nodeIds: ['p', 'q'], edgeIds: ['e1'], liveFields: LIVE_FIELDS });
    expect(h.frames()[0]).toMatchObject({ timeMs: 0, events: 0, running: false, finished: false });
    expect(h.frames()[0]?.snapshot).toBeDefined();
    expect(h.frames()[0]?.live).toHaveLength(2 * LIVE_FIELDS.length);
  });

  it("passes on the page's audit id limit, and keeps it when the run is reset", () => {
    const h = harness();
    h.send({ type: 'load', scenario, seed: 1, auditIdLimit: 500 });
    h.send({ type: 'reset' });
    h.send({ type: 'load', scenario, seed: 1 });
    expect(h.auditLimits).toEqual([500, 500, undefined]);
  });

  it('transfers the live and edge arrays', () => {
    const h = harness();
    h.send({ type: 'load', scenario, seed: 1 });
    const f = h.frames()[0]!;
    expect(h.transfers[1]).toEqual([f.live.buffer, f.edgeTraffic.buffer, f.edgeBackTraffic.buffer, f.edgeLost.buffer]);
  });

  it('fills each frame with the forward and back traffic and the losses of every edge, as the simulation writes them', () => {
    const h = harness();
    h.send({ type: 'load', scenario, seed: 1 });
    for (let i = 0; i < 5; i++) h.send({ type: 'step', requestId: 1 });
    const f = h.frames().at(-1)!;
    expect(f.events).toBe(5);
    expect([...f.edgeTraffic]).toEqual([5]);
    expect([...f.edgeBackTraffic]).toEqual([Math.floor(5 / 2)]);
    expect([...f.edgeLost]).toEqual([Math.floor(5 / 3)]);
  });

  it('paces simulated time at speed × wall time', () => {
    const h = played(2, 50); // 100 simulated ms, 10 events
    expect(h.frames().at(-1)).toMatchObject({ timeMs: 100, events: 10, running: true });
  });

  it('steps exactly one event and pauses', () => {
    const h = harness();
    h.send({ type: 'load', scenario, seed: 1 });
    h.send({ type: 'step', requestId: 1 });
    h.send({ type: 'step', requestId: 1 });
    expect(h.frames().at(-1)).toMatchObject({ timeMs: 20, events: 2, running: false });
    expect(h.frames().at(-1)?.snapshot).toBeDefined();
  });

  it('stops exactly at durationMs and reports finished', () => {
    const h = played(1000, 100);
    expect(h.frames().at(-1)).toMatchObject({ timeMs: 1000, events: 100, finished: true, running: false });
    expect(h.hasPending()).toBe(false);
  });

  it('at max runs chunks within the wall budget per tick', () => {
    const h = harness({ costMs: 0.1 }); // 100 events = 10 ms of wall
    h.send({ type: 'load', scenario: { ...scenario, durationMs: 1_000_000 } as Scenario, seed: 1 });
    h.send({ type: 'setSpeed', speed: 'max' });
    h.send({ type: 'play' });
    const t0 = h.clock.t;
    h.tick(0);
    const took = h.clock.t - t0;
    expect(took).toBeGreaterThanOrEqual(22);
    expect(took).toBeLessThan(60);
    expect(h.frames().at(-1)?.running).toBe(true);
  });

  it('pause stops the ticks and posts a frame with a snapshot', () => {
    const h = harness();
    h.send({ type: 'load', scenario, seed: 1 });
    h.send({ type: 'play' });
    h.tick(0);
    h.send({ type: 'pause', requestId: 1 });
    expect(h.hasPending()).toBe(false);
    expect(h.frames().at(-1)).toMatchObject({ running: false });
    expect(h.frames().at(-1)?.snapshot).toBeDefined();
  });

  it('answers pause with where the run stopped, after the frame that shows it, and also when it had stopped already', () => {
    const h = played(2, 50); // 100 simulated ms, 10 events
    h.send({ type: 'pause', requestId: 7 });
    expect(h.posted.slice(-2).map((m) => m.type)).toEqual(['frame', 'paused']);
    expect(h.posted.at(-1)).toEqual({ v: PROTOCOL_VERSION, type: 'paused', requestId: 7, timeMs: 100, events: 10 });
    h.send({ type: 'pause', requestId: 8 });
    expect(h.posted.at(-1)).toEqual({ v: PROTOCOL_VERSION, type: 'paused', requestId: 8, timeMs: 100, events: 10 });
  });

  it('answers step with the time it stepped to, at the end of the run too; a pause with nothing loaded has no answer', () => {
    const h = harness();
    h.send({ type: 'pause', requestId: 1 });
    expect(h.posted).toEqual([]);
    h.send({ type: 'load', scenario: { ...scenario, durationMs: 25 } as Scenario, seed: 1 });
    h.send({ type: 'step', requestId: 2 });
    expect(h.posted.at(-1)).toMatchObject({ type: 'paused', requestId: 2, timeMs: 10, events: 1 });
    h.send({ type: 'step', requestId: 3 });
    h.send({ type: 'step', requestId: 4 }); // no event before the end: runs to it
    expect(h.posted.at(-1)).toMatchObject({ type: 'paused', requestId: 4, timeMs: 25, events: 2 });
    expect(h.frames().at(-1)).toMatchObject({ timeMs: 25, finished: true });
    h.send({ type: 'step', requestId: 5 });
    expect(h.posted.at(-1)).toMatchObject({ type: 'paused', requestId: 5, timeMs: 25, events: 2 });
  });

  it('reset recreates the simulation from the last scenario and seed', () => {
    const h = harness();
    h.send({ type: 'load', scenario, seed: 9 });
    h.send({ type: 'step', requestId: 1 });
    h.send({ type: 'reset' });
    expect(h.posted.filter((m) => m.type === 'loaded')).toHaveLength(2);
    expect(h.frames().at(-1)).toMatchObject({ timeMs: 0, events: 0 });
  });

  it('turns engine errors into error messages and stops', () => {
    const h = harness({ fail: { code: 'boom', message: 'it broke' } });
    h.send({ type: 'load', scenario, seed: 1 });
    h.send({ type: 'play' });
    h.tick(10);
    expect(h.posted.at(-1)).toEqual({ v: PROTOCOL_VERSION, type: 'error', error: { code: 'boom', message: 'it broke' } });
    expect(h.hasPending()).toBe(false);
  });

  it('turns exceptions and bad messages into error messages', () => {
    const h = harness();
    h.send({ type: 'play' });
    expect(h.posted.at(-1)).toMatchObject({ type: 'error', error: { code: 'not-loaded' } });
    h.host.handle({ v: 999, type: 'play' });
    expect(h.posted.at(-1)).toMatchObject({ type: 'error', error: { code: 'protocol-mismatch' } });
    h.send({ type: 'setSpeed', speed: 5000 });
    expect(h.posted.at(-1)).toMatchObject({ type: 'error', error: { code: 'bad-speed' } });
    const throwing = new SimulationHost({
      createSimulation: () => { throw new Error('bad scenario'); },
      post: (m) => h.posted.push(m), now: () => 0, schedule: () => 0, cancel: () => {},
    });
    throwing.handle({ v: PROTOCOL_VERSION, type: 'load', scenario, seed: 1 });
    expect(h.posted.at(-1)).toMatchObject({ type: 'error', error: { code: 'engine-threw', message: expect.stringContaining('bad scenario') } });
  });

  it('turns an exception while running into an error message, not an uncaught throw', () => {
    const h = harness();
    h.send({ type: 'load', scenario, seed: 1 });
    h.send({ type: 'play' });
    const sim = (h.host as unknown as { loaded: { sim: Simulation } }).loaded.sim;
    sim.runUntil = () => { throw new Error('kaput'); };
    expect(() => h.tick(10)).not.toThrow();
    expect(h.posted.at(-1)).toMatchObject({ type: 'error', error: { code: 'engine-threw', message: expect.stringContaining('kaput') } });
    h.send({ type: 'play' });
    expect(h.posted.at(-1)).toMatchObject({ type: 'error', error: { code: 'not-loaded' } });
  });

  it('passes samples on once', () => {
    const h = played(10, 60);
    const samples = h.frames().flatMap((f) => f.samples.map((s) => s.tMs));
    expect(samples).toEqual([250, 500]);
  });

  it('answers inspectNode with the messages a node holds, capped, and an unknown node with found: false', () => {
    const h = harness();
    h.send({ type: 'load', scenario, seed: 1 });
    for (let i = 0; i < 5; i++) h.send({ type: 'step', requestId: 1 });
    h.send({ type: 'inspectNode', requestId: 7, nodeId: 'q', limit: 3 });
    expect(h.posted.at(-1)).toMatchObject({ type: 'inspected', requestId: 7, found: true, timeMs: 50 });
    expect((h.posted.at(-1) as { messages: MessageView[] }).messages.map((m) => m.id)).toEqual([1, 2, 3]);
    h.send({ type: 'inspectNode', requestId: 8, nodeId: 'nope', limit: 3 });
    expect(h.posted.at(-1)).toMatchObject({ type: 'inspected', requestId: 8, found: false, messages: [] });
  });

  it('answers inspectEdge with the last message each way or none, and never fails the run for an inspection', () => {
    const h = harness();
    h.send({ type: 'inspectEdge', requestId: 1, edgeId: 'e1' });
    expect(h.posted.at(-1)).toEqual({ v: PROTOCOL_VERSION, type: 'inspectedEdge', requestId: 1, found: false, timeMs: 0, forward: null, back: null });
    h.send({ type: 'load', scenario, seed: 1 });
    h.send({ type: 'inspectEdge', requestId: 2, edgeId: 'e1' });
    expect(h.posted.at(-1)).toMatchObject({ type: 'inspectedEdge', requestId: 2, found: true, forward: null, back: null });
    h.send({ type: 'step', requestId: 1 });
    h.send({ type: 'inspectEdge', requestId: 3, edgeId: 'e1' });
    expect(h.posted.at(-1)).toMatchObject({ requestId: 3, forward: { id: 1 }, back: null });
    h.send({ type: 'step', requestId: 1 });
    h.send({ type: 'step', requestId: 1 });
    h.send({ type: 'inspectEdge', requestId: 4, edgeId: 'e1' });
    // The last reply back is carried beside the last message forward, not instead of it.
    expect(h.posted.at(-1)).toMatchObject({ type: 'inspectedEdge', requestId: 4, found: true, timeMs: 30, forward: { id: 3 }, back: { id: 1001 } });
    h.send({ type: 'inspectEdge', requestId: 5, edgeId: 'nope' });
    expect(h.posted.at(-1)).toMatchObject({ requestId: 5, found: false, forward: null, back: null });
    expect(h.posted.some((m) => m.type === 'error')).toBe(false);
  });

  it('injects a live fault now, answers with the fault to record, keeps it for its own reset and posts a frame', () => {
    const h = harness();
    h.send({ type: 'load', scenario, seed: 1 });
    h.send({ type: 'step', requestId: 1 });
    h.send({ type: 'step', requestId: 1 });
    const before = h.frames().length;
    h.send({ type: 'injectFault', requestId: 5, fault: { type: 'crash', atMs: 0, target: 'q' } });
    expect(h.posted.find((m) => m.type === 'faultInjected')).toMatchObject({ requestId: 5, recorded: { type: 'crash', atMs: 20, target: 'q', live: true } });
    expect(h.frames().length).toBe(before + 1);
    expect(h.frames().at(-1)!.snapshot).toBeDefined();
    let loadedWith: Scenario | null = null;
    const host = h.host as unknown as { deps: { createSimulation: (s: Scenario, seed: number) => unknown } };
    const create = host.deps.createSimulation;
    host.deps.createSimulation = (s, seed) => { loadedWith = s; return create(s, seed); };
    h.send({ type: 'reset' });
    expect(loadedWith!.faults).toEqual([{ type: 'crash', atMs: 20, target: 'q', live: true }]);
  });

  it('refuses a fault the engine refuses, or with nothing loaded, without stopping the run', () => {
    const h = harness();
    h.send({ type: 'injectFault', requestId: 1, fault: { type: 'crash', atMs: 0, target: 'q' } });
    expect(h.posted.at(-1)).toMatchObject({ type: 'faultRefused', requestId: 1, error: { code: 'not-loaded' } });
    h.send({ type: 'load', scenario, seed: 1 });
    h.send({ type: 'injectFault', requestId: 2, fault: { type: 'crash', atMs: 0, target: 'nope' } });
    expect(h.posted.at(-1)).toMatchObject({ type: 'faultRefused', requestId: 2, error: { code: 'bad_fault' } });
    h.send({ type: 'step', requestId: 1 });
    expect(h.posted.some((m) => m.type === 'error')).toBe(false);
  });
});
