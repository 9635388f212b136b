/**
 * A version-2 fault timeline, migrated to version 3 (schema/faultOverlapMigration.ts), replays as it did: the version-2
 * rule ("the last to start wins, the end of each restores normal", every fault event of an instant in timeline order),
 * kept here as the reference, makes the same calls at the same instants in the same order as the version-3 injector
 * and kernel order do on the migrated timeline.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../schema';
import { migrateFaultOverlaps } from '../../schema/faultOverlapMigration';
import type { EdgeRuntime } from '../model/edge';
import { PRIORITY } from '../model/context';
import type { NodeModel } from '../model/node';
import { FaultInjector } from './faultInjector';
import { noLinkFault } from './linkFault';

/** A node and a link that log what changes them: a crash of a node that is down, a restart of one that is up, log nothing. */
function world(log: string[], now: () => number) {
  const node = {
    down: false,
    crash() { if (!this.down) log.push(`${now()} crash`); this.down = true; },
    restart() { if (this.down) log.push(`${now()} restart`); this.down = false; },
    setSlowdown(f: number) { log.push(`${now()} slow ${f}`); },
    setDiskFactor(f: number) { log.push(`${now()} disk ${f}`); },
    publishPoison(n: number) { log.push(`${now()} poison ${n}`); },
  };
  const edge = {
    fault: null,
    source: { deliverySource: { linkPartitioned: () => log.push(`${now()} partitioned`), linkHealed: () => log.push(`${now()} healed`) } },
  } as unknown as EdgeRuntime;
  /** The link's faults, logged when an event replaced them (an end already healed leaves them as they are). */
  const logLink = (before: unknown) => { if (edge.fault !== before) log.push(`${now()} link ${JSON.stringify(edge.fault)}`); };
  return { nodes: new Map([['n', node as unknown as NodeModel]]), edges: new Map([['e', edge]]), node, edge, logLink };
}

/** The version-2 engine: its injector, and the kernel order then (time, then timeline order, a start before its end). */
function replayV2(faults: Fault[]): string[] {
  const log: string[] = [];
  let now = 0;
  const { node, edge, logLink } = world(log, () => now);
  const events = faults.flatMap((f, i) => [
    { t: f.atMs, i, start: true, f }, ...(f.durationMs === undefined ? [] : [{ t: f.atMs + f.durationMs, i, start: false, f }]),
  ]).sort((a, b) => a.t - b.t || a.i - b.i || Number(b.start) - Number(a.start));
  for (const { t, start, f } of events) {
    now = t;
    const before = edge.fault;
    const e = edge.fault ?? noLinkFault();
    switch (f.type) {
      case 'crash': if (start) node.crash(); else node.restart(); break;
      case 'slow': node.setSlowdown(start ? f.factor : 1); break;
      case 'slowDisk': node.setDiskFactor(start ? f.factor : 1); break;
      case 'poison': node.publishPoison(f.count); break;
      case 'linkDelay': if (start || edge.fault) edge.fault = { ...e, addMs: start ? f.addMs : 0, jitterMs: start ? f.jitterMs : 0 }; logLink(before); break;
      case 'linkLoss': if (start || edge.fault) edge.fault = { ...e, loss: start ? f.probability : 0 }; logLink(before); break;
      case 'corrupt': if (start || edge.fault) edge.fault = { ...e, corrupt: start ? f.probability : 0 }; logLink(before); break;
      case 'partition':
        if (start || edge.fault) edge.fault = { ...e, partitioned: start };
        if (start) edge.source.deliverySource!.linkPartitioned(edge); else edge.source.deliverySource!.linkHealed(edge);
        logLink(before);
        break;
      case 'heal': throw new Error('version 2 had no heal');
    }
  }
  return log;
}

/** Version 3: the FaultInjector, in the kernel's order (Simulation.scheduleFault's priorities, then timeline order). */
function replayV3(faults: Fault[]): string[] {
  const log: string[] = [];
  let now = 0;
  const { nodes, edges, edge, logLink } = world(log, () => now);
  const injector = new FaultInjector(nodes, edges, null, () => now);
  const events = faults.flatMap((f, i) => [
    { t: f.atMs, p: f.live ? PRIORITY.liveFault : PRIORITY.fault, seq: 2 * i, start: true, f },
    ...(f.durationMs === undefined ? [] : [{ t: f.atMs + f.durationMs, p: PRIORITY.faultEnd, seq: 2 * i + 1, start: false, f }]),
  ]).sort((a, b) => a.t - b.t || a.p - b.p || a.seq - b.seq);
  for (const { t, start, f } of events) {
    now = t;
    const before = edge.fault;
    if (start) injector.start(f); else injector.end(f);
    logLink(before);
  }
  return log;
}

const migrated = (faults: Fault[]) => migrateFaultOverlaps(faults) as Fault[];

describe('migrating version-2 fault timelines', () => {
  it('the app\'s old Restart (a live 1 ms crash of a node already down) becomes a live heal of the crash at its end', () => {
    const faults: Fault[] = [
      { type: 'crash', atMs: 1000, target: 'n', live: true },
      { type: 'crash', atMs: 4000, target: 'n', durationMs: 1, live: true },
    ];
    expect(migrated(faults)).toEqual([faults[0], { type: 'heal', atMs: 4001, target: 'n', of: 'crash', live: true }]);
    expect(replayV3(migrated(faults))).toEqual(replayV2(faults));
  });

  it('a short slow inside a long one: a heal where the short one ended, so the old "normal until the long one ends" stays', () => {
    const faults: Fault[] = [
      { type: 'slow', atMs: 0, target: 'n', durationMs: 60_000, factor: 3 },
      { type: 'slow', atMs: 10_000, target: 'n', durationMs: 5000, factor: 5 },
    ];
    expect(migrated(faults)).toEqual([
      faults[0], { type: 'heal', atMs: 60_000, target: 'n', of: 'slow' },
      faults[1], { type: 'heal', atMs: 15_000, target: 'n', of: 'slow' },
    ]);
    expect(replayV3(migrated(faults))).toEqual(replayV2(faults));
    expect(replayV3(faults)).not.toEqual(replayV2(faults)); // what the migration is for
  });

  it('leaves a timeline alone whose faults never meet one of their type on their target at an instant order matters', () => {
    const faults: Fault[] = [
      { type: 'crash', atMs: 0, target: 'n', durationMs: 10 },
      { type: 'crash', atMs: 20, target: 'n', durationMs: 10 },
      { type: 'partition', atMs: 5, target: 'e', durationMs: 15 },
      { type: 'poison', atMs: 25, target: 'n', count: 1 },
    ];
    expect(migrateFaultOverlaps(faults)).toBe(faults);
  });

  it('an end followed in the timeline by a start at its instant (another target) becomes a heal: version 3 runs ends after starts', () => {
    const faults: Fault[] = [
      { type: 'crash', atMs: 0, target: 'n', durationMs: 10 },
      { type: 'partition', atMs: 10, target: 'e', durationMs: 5 },
    ];
    expect(migrated(faults)).toEqual([faults[0], { type: 'heal', atMs: 10, target: 'n', of: 'crash' }, faults[1]]);
    expect(replayV3(migrated(faults))).toEqual(replayV2(faults));
  });

  const fault: fc.Arbitrary<Fault> = fc.record({
    atMs: fc.constantFrom(0, 1, 2, 5, 10),
    durationMs: fc.constantFrom(undefined, 1, 2, 3, 5, 8),
    live: fc.boolean(),
    kind: fc.constantFrom('crash', 'crash', 'slow', 'slowDisk', 'poison', 'linkDelay', 'linkLoss', 'partition', 'corrupt'),
    value: fc.constantFrom(2, 3, 5),
  }).map(({ atMs, durationMs, live, kind, value }): Fault => {
    const base = { atMs, ...(durationMs === undefined ? {} : { durationMs }), ...(live ? { live } : {}) };
    switch (kind) {
      case 'poison': return { type: 'poison', atMs, target: 'n', count: value, ...(live ? { live } : {}) };
      case 'slow': case 'slowDisk': return { ...base, type: kind, target: 'n', factor: value };
      case 'linkDelay': return { ...base, type: 'linkDelay', target: 'e', addMs: value * 10, jitterMs: value };
      case 'linkLoss': case 'corrupt': return { ...base, type: kind, target: 'e', probability: value / 10 };
      case 'partition': return { ...base, type: 'partition', target: 'e' };
      default: return { ...base, type: 'crash', target: 'n' };
    }
  });

  /** The one case no heal can keep (faultOverlapMigration.ts): a scheduled start after a live one at the same instant. */
  const scheduledAfterLive = (faults: Fault[]) => faults.some((f, i) => !f.live && faults.slice(0, i).some((g) => g.live && g.atMs === f.atMs));

  it('any timeline replays the same calls at the same instants in the same order after the migration', () => {
    fc.assert(fc.property(fc.array(fault, { minLength: 1, maxLength: 8 }), (faults) => {
      fc.pre(!scheduledAfterLive(faults));
      expect(replayV3(migrated(faults))).toEqual(replayV2(faults));
    }), { numRuns: 3000 });
  });
});
