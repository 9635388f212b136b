import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation';
import { expectBalanced, scenarioOf } from './testSupport';

// 1 000 messages/s shared by two consumers for two simulated minutes, and a crash after the audit has stopped.
const scenario = scenarioOf([
  { id: 'p', kind: 'producer', config: { arrival: { type: 'poisson', ratePerSec: 1000 } } },
  { id: 'q', kind: 'queue' },
  ...['c1', 'c2'].map((id) => ({ id, kind: 'consumer' as const, config: { serviceTimeMs: { type: 'exponential' as const, mean: 1 } } })),
], ['p>q', 'q>c1', 'q>c2'], { durationMs: 120_000, faults: [{ type: 'crash', target: 'c1', atMs: 100_000, durationMs: 1_000 }] });

const LIMIT = 20_000;

describe('an audit with an id limit (the browser sets one)', () => {
  it('stops once it remembers that many ids, and its report stays the one of that moment while the run goes on', () => {
    const sim = createSimulation(scenario, { auditIdLimit: LIMIT });
    let first: ReturnType<typeof sim.snapshot> | null = null;
    for (let t = 500; t <= scenario.durationMs; t += 500) {
      sim.runUntil(t);
      const snap = sim.snapshot();
      if (!first && snap.audit!.stoppedAtMs !== undefined) first = snap;
    }
    expect(first).not.toBeNull();
    const stopped = first!.audit!;
    expect(stopped.stoppedAtMs!).toBeLessThanOrEqual(first!.timeMs);
    expect(stopped.stoppedAtMs!).toBeLessThan(100_000); // before the crash: it must still show up below
    // Checked every sixteenth of the limit in calls that may add ids (each adds at most three): it stops soon after it.
    expect(stopped.idsRemembered!).toBeGreaterThanOrEqual(LIMIT);
    expect(stopped.idsRemembered!).toBeLessThanOrEqual(LIMIT * (1 + 3 / 16));
    expect(stopped.idLimit).toBe(LIMIT);
    expect(stopped.produced).toBeLessThan(first!.messages.produced);
    const end = sim.snapshot();
    const { faults: faultsAtEnd, ...atEnd } = end.audit!;
    const { faults: faultsAtStop, ...atStop } = stopped;
    expect(atEnd).toEqual(atStop);
    // Faults are not message figures: the charts mark them to the end of the run.
    expect(faultsAtStop).toEqual([]);
    expect(faultsAtEnd.map((f) => `${f.type} ${f.target} ${f.atMs}`)).toEqual(['crash c1 100000']);
    expectBalanced(end);
  });

  it('changes no other figure of the run, and without a limit the audit never stops', () => {
    const limited = createSimulation(scenario, { auditIdLimit: LIMIT });
    const unlimited = createSimulation(scenario);
    limited.runUntil(scenario.durationMs);
    unlimited.runUntil(scenario.durationMs);
    const a = limited.snapshot(), b = unlimited.snapshot();
    expect(a.audit!.stoppedAtMs).toBeDefined();
    expect(b.audit!.stoppedAtMs).toBeUndefined();
    expect(b.audit!.consumers.c1!.processed + b.audit!.consumers.c2!.processed).toBe(b.messages.acked);
    expect({ ...a, audit: null }).toEqual({ ...b, audit: null });
  });
});
