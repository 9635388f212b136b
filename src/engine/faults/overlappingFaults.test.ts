/**
 * Overlapping faults of one type on one target (faultInjector.ts): each is active from its start to its own end, the
 * target takes the state of the latest one still active, normal when none is; a heal ends them all. Each test here
 * fails on the rule before version 3 ("the last to start wins, the end of each restores normal").
 */
import { describe, expect, it } from 'vitest';
import type { Fault, ScenarioInput } from '../../schema';
import type { EdgeRuntime } from '../model/edge';
import type { NodeModel } from '../model/node';
import { createSimulation } from '../simulation';
import { reportNumber, scenarioOf } from '../testSupport';
import { FaultInjector } from './faultInjector';

type Faults = NonNullable<ScenarioInput['faults']>;

/** A node and a link that remember their state and the calls that changed it, behind a FaultInjector driven by hand. */
function rig() {
  const calls: string[] = [];
  const node = {
    down: false, slowdown: 1, disk: 1,
    crash() { if (!this.down) calls.push('crash'); this.down = true; },
    restart() { if (this.down) calls.push('restart'); this.down = false; },
    setSlowdown(f: number) { this.slowdown = f; },
    setDiskFactor(f: number) { this.disk = f; },
  };
  const edge = {
    fault: null, source: { deliverySource: { linkPartitioned: () => calls.push('partitioned'), linkHealed: () => calls.push('healed') } },
  } as unknown as EdgeRuntime;
  let now = 0;
  const injector = new FaultInjector(new Map([['n', node as unknown as NodeModel]]), new Map([['e', edge]]), null, () => now);
  const at = (t: number) => { now = t; return injector; };
  return { node, edge, calls, at };
}

const crash = (atMs: number, durationMs?: number): Fault => ({ type: 'crash', atMs, target: 'n', ...(durationMs ? { durationMs } : {}) });

describe('overlapping faults of one type on one target', () => {
  it('crash: the node is down while any crash is active, and restarts when the last one ends', () => {
    const { node, calls, at } = rig();
    const long = crash(0, 60_000);
    const short = crash(10_000, 1000);
    at(0).start(long);
    at(10_000).start(short);
    at(11_000).end(short);
    expect(node.down).toBe(true); // the old rule restarted it here, 59 s early
    at(60_000).end(long);
    expect(node.down).toBe(false);
    expect(calls).toEqual(['crash', 'restart']);
  });

  it('crash: a later crash that outlasts the first keeps the node down until its own end', () => {
    const { node, at } = rig();
    const first = crash(0, 10_000);
    const second = crash(5000, 10_000);
    at(0).start(first);
    at(5000).start(second);
    at(10_000).end(first);
    expect(node.down).toBe(true);
    at(15_000).end(second);
    expect(node.down).toBe(false);
  });

  it('partition: the link heals (linkHealed) only when the last partition of that edge ends', () => {
    const { edge, calls, at } = rig();
    const long: Fault = { type: 'partition', atMs: 0, target: 'e', durationMs: 10_000 };
    const short: Fault = { type: 'partition', atMs: 2000, target: 'e', durationMs: 2000 };
    at(0).start(long);
    at(2000).start(short);
    at(4000).end(short);
    expect(edge.fault?.partitioned).toBe(true);
    expect(calls).toEqual(['partitioned', 'partitioned']);
    at(10_000).end(long);
    expect(edge.fault?.partitioned).toBe(false);
    expect(calls).toEqual(['partitioned', 'partitioned', 'healed']);
  });

  it('slow: the factor falls back to the earlier fault\'s when the later one ends, to normal at the last end', () => {
    const { node, at } = rig();
    const x3: Fault = { type: 'slow', atMs: 0, target: 'n', durationMs: 60_000, factor: 3 };
    const x5: Fault = { type: 'slow', atMs: 10_000, target: 'n', durationMs: 5000, factor: 5 };
    at(0).start(x3);
    at(10_000).start(x5);
    expect(node.slowdown).toBe(5);
    at(15_000).end(x5);
    expect(node.slowdown).toBe(3);
    at(60_000).end(x3);
    expect(node.slowdown).toBe(1);
  });

  it('slowDisk: an earlier fault ending keeps the later one\'s factor', () => {
    const { node, at } = rig();
    const x2: Fault = { type: 'slowDisk', atMs: 0, target: 'n', durationMs: 10_000, factor: 2 };
    const x7: Fault = { type: 'slowDisk', atMs: 5000, target: 'n', durationMs: 10_000, factor: 7 };
    at(0).start(x2);
    at(5000).start(x7);
    at(10_000).end(x2);
    expect(node.disk).toBe(7);
    at(15_000).end(x7);
    expect(node.disk).toBe(1);
  });

  it('link faults: delay and jitter, loss and corruption take the latest active fault\'s values, each type on its own', () => {
    const { edge, at } = rig();
    const d1: Fault = { type: 'linkDelay', atMs: 0, target: 'e', durationMs: 10_000, addMs: 100, jitterMs: 10 };
    const d2: Fault = { type: 'linkDelay', atMs: 1000, target: 'e', durationMs: 2000, addMs: 500, jitterMs: 0 };
    const l1: Fault = { type: 'linkLoss', atMs: 0, target: 'e', durationMs: 10_000, probability: 0.1 };
    const l2: Fault = { type: 'linkLoss', atMs: 1000, target: 'e', durationMs: 2000, probability: 0.5 };
    const c1: Fault = { type: 'corrupt', atMs: 0, target: 'e', durationMs: 10_000, probability: 0.2 };
    const c2: Fault = { type: 'corrupt', atMs: 1000, target: 'e', durationMs: 2000, probability: 0.9 };
    for (const f of [d1, l1, c1]) at(0).start(f);
    for (const f of [d2, l2, c2]) at(1000).start(f);
    expect(edge.fault).toMatchObject({ addMs: 500, jitterMs: 0, loss: 0.5, corrupt: 0.9 });
    for (const f of [d2, l2, c2]) at(3000).end(f);
    expect(edge.fault).toMatchObject({ addMs: 100, jitterMs: 10, loss: 0.1, corrupt: 0.2 });
    at(10_000).end(l1);
    expect(edge.fault).toMatchObject({ addMs: 100, jitterMs: 10, loss: 0, corrupt: 0.2 });
    for (const f of [d1, c1]) at(10_000).end(f);
    expect(edge.fault).toEqual({ addMs: 0, jitterMs: 0, loss: 0, partitioned: false, corrupt: 0 });
  });

  it('heal: ends every active fault of its type on its target at once; their ends later change nothing', () => {
    const { node, calls, at } = rig();
    const a = crash(0, 60_000);
    const b = crash(1000);
    at(0).start(a);
    at(1000).start(b);
    at(2000).start({ type: 'heal', atMs: 2000, target: 'n', of: 'crash' });
    expect(node.down).toBe(false);
    at(3000).start(crash(3000, 1000));
    expect(node.down).toBe(true);
    at(4000).end(crash(3000, 1000)); // not the fault that started (another object): nothing
    at(60_000).end(a);
    expect(node.down).toBe(true);
    expect(calls).toEqual(['crash', 'restart', 'crash']);
  });

  it('heal of one type leaves the others: a restart does not end a slow', () => {
    const { node, at } = rig();
    at(0).start({ type: 'slow', atMs: 0, target: 'n', factor: 4 });
    at(0).start(crash(0));
    at(1).start({ type: 'heal', atMs: 1, target: 'n', of: 'crash' });
    expect(node).toMatchObject({ down: false, slowdown: 4 });
  });
});

describe('faults in a run (kernel order at one instant)', () => {
  const broker = (faults: Faults) => {
    const sim = createSimulation(scenarioOf([{ id: 'b', kind: 'broker' }], [], { durationMs: 30_000, faults }));
    sim.runUntil(30_000);
    return sim.snapshot().nodes.b;
  };
  const a = { atMs: 0, target: 'b', type: 'crash', durationMs: 10_000 } as const;
  const b = { atMs: 10_000, target: 'b', type: 'crash', durationMs: 10_000 } as const;

  it.each([['in time order', [a, b]], ['the later first in the timeline', [b, a]]])(
    'a crash ending as another starts leaves the node down: one crash of 20 s (%s)', (_, faults) => {
      const report = broker(faults as Faults);
      expect(reportNumber(report, 'crashes')).toBe(1);
      expect(reportNumber(report, 'downMs')).toBe(20_000);
    });

  it('a crash of 60 s with a 1 s crash inside: down for the 60 s', () => {
    const report = broker([{ atMs: 0, target: 'b', type: 'crash', durationMs: 25_000 }, { atMs: 5000, target: 'b', type: 'crash', durationMs: 1000 }]);
    expect(reportNumber(report, 'downMs')).toBe(25_000);
  });

  it('a restart (heal of crash) brings the node back at once, and the audit lists it with what it healed', () => {
    const sim = createSimulation(scenarioOf([{ id: 'b', kind: 'broker' }], [], {
      durationMs: 30_000, faults: [{ atMs: 0, target: 'b', type: 'crash' }, { atMs: 4000, target: 'b', type: 'heal', of: 'crash' }],
    }));
    sim.runUntil(30_000);
    const snap = sim.snapshot();
    expect(reportNumber(snap.nodes.b, 'downMs')).toBe(4000);
    expect(snap.audit!.faults).toEqual([
      { atMs: 0, endMs: null, target: 'b', type: 'crash', healedAtMs: 4000 },
      { atMs: 4000, endMs: 4000, target: 'b', type: 'heal', of: 'crash' },
    ]);
  });

  it('Crash, then Restart, at one paused instant: the audit records the crash as healed at once (0 ms), both live', () => {
    const sim = createSimulation(scenarioOf([{ id: 'b', kind: 'broker' }], [], { durationMs: 30_000 }));
    sim.runUntil(5000);
    for (const fault of [{ type: 'crash', atMs: 0, target: 'b', durationMs: 5000 }, { type: 'heal', atMs: 0, target: 'b', of: 'crash' }] as Fault[]) {
      const r = sim.injectFault(fault);
      if (!r.ok) throw new Error(r.error.message);
    }
    sim.runUntil(30_000);
    const snap = sim.snapshot();
    expect(reportNumber(snap.nodes.b, 'downMs')).toBe(0);
    expect(snap.audit!.faults).toEqual([
      { atMs: 5000, endMs: 10_000, target: 'b', type: 'crash', live: true, healedAtMs: 5000 },
      { atMs: 5000, endMs: 5000, target: 'b', type: 'heal', of: 'crash', live: true },
    ]);
  });

  it('a heal records only the faults it ended early: not one that ended at that instant, nor one of another target or type', () => {
    const sim = createSimulation(scenarioOf([{ id: 'b', kind: 'broker' }, { id: 'q', kind: 'queue', config: { brokers: ['b'] } }], [], {
      durationMs: 30_000,
      faults: [
        { atMs: 0, target: 'b', type: 'crash', durationMs: 4000 }, // ends at the heal's instant: its end, not the heal
        { atMs: 1000, target: 'q', type: 'crash' },
        { atMs: 2000, target: 'b', type: 'slowDisk', factor: 2 },
        { atMs: 4000, target: 'b', type: 'heal', of: 'crash' },
      ],
    }));
    sim.runUntil(30_000);
    expect(sim.snapshot().audit!.faults.map((f) => f.healedAtMs)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('a live crash injected at the instant a crash ends starts after that end (PRIORITY.liveFault), in the run and in its replay', () => {
    const faults: Faults = [{ atMs: 0, target: 'b', type: 'crash', durationMs: 5000 }];
    const sim = createSimulation(scenarioOf([{ id: 'b', kind: 'broker' }], [], { durationMs: 30_000, faults }));
    sim.runUntil(5000);
    const r = sim.injectFault({ type: 'crash', atMs: 0, target: 'b', durationMs: 2000 });
    if (!r.ok) throw new Error(r.error.message);
    sim.runUntil(30_000);
    const replay = createSimulation(scenarioOf([{ id: 'b', kind: 'broker' }], [], { durationMs: 30_000, faults: [...faults, r.recorded] }));
    replay.runUntil(30_000);
    expect(reportNumber(replay.snapshot().nodes.b, 'crashes')).toBe(2); // restarted at 5 s, crashed again live
    expect(replay.snapshot().nodes.b).toEqual(sim.snapshot().nodes.b);
  });

  it('the engine refuses a heal of a type its target cannot suffer', () => {
    const sim = createSimulation(scenarioOf([{ id: 'b', kind: 'broker' }], [], {}));
    const r = sim.injectFault({ type: 'heal', atMs: 0, target: 'b', of: 'slow' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('a heal of slow applies to a consumer, not a broker');
  });
});
