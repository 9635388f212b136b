/**
 * The aggregator inside whole runs: a requester scatters through a fanout to responders that reply to
 * the aggregator (A4 Return Address), which answers the requester. Checks the message balance at every
 * checkpoint, the live figures against the report, and what a crash of the aggregator costs.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../schema';
import { LIVE_FIELDS, type Snapshot } from '../../api';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

const responders = ['r1', 'r2', 'r3'];

function scatterGather(aggregator: Record<string, unknown>, faults: ScenarioInput['faults'] = []) {
  return scenarioOf([
    { id: 'req', kind: 'requester', config: { arrival: { type: 'poisson', ratePerSec: 20 }, timeoutMs: 2000, replyTo: 'agg' } },
    { id: 'ex', kind: 'exchange', config: { type: 'fanout' } },
    ...responders.flatMap((r, i) => [
      { id: `${r}-q`, kind: 'queue' as const },
      { id: r, kind: 'consumer' as const, config: { serviceTimeMs: { type: 'exponential' as const, mean: 20 * (i + 1) }, reply: { score: { type: 'uniform' as const, min: 0, max: 10 } } } },
    ]),
    { id: 'agg', kind: 'aggregator', config: aggregator },
  ], [
    'req>ex', ...responders.flatMap((r) => [`ex>${r}-q`, `${r}-q>${r}`, `${r}>agg`]), 'agg>req',
  ], { durationMs: 20_000, faults });
}

function balanced(s: Snapshot): void {
  const m = s.messages;
  expect(m.produced).toBe(m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped);
}

describe('aggregator in a run', () => {
  it('balances at every checkpoint and its live figures mirror its report', () => {
    const sim = createSimulation(scatterGather({ completionSize: 3, completionTimeoutMs: 300, goodEnoughScore: 9.8, strategy: 'best' }));
    const live = new Float64Array(sim.nodeIds.length * LIVE_FIELDS.length);
    const o = sim.nodeIds.indexOf('agg') * LIVE_FIELDS.length;
    const at = (f: (typeof LIVE_FIELDS)[number]): number => live[o + LIVE_FIELDS.indexOf(f)]!;
    for (let t = 777; t <= 20_000; t += 777) {
      sim.runUntil(t);
      const s = sim.snapshot();
      balanced(s);
      sim.writeLive(live);
      const r = s.nodes['agg']!;
      expect([at('in'), at('out'), at('ready'), at('dropped')]).toEqual([r['in'], r['out'], r['open'], r['late']]);
    }
    const r = sim.snapshot().nodes['agg']!;
    expect(r['out']).toBeGreaterThan(100);
    expect(sim.snapshot().nodes['req']!['answered']).toBe(r['out']);
  });

  it('loses its open groups in a crash: those requests time out at the requester; replies meanwhile are dropped nodeDown', () => {
    const sim = createSimulation(scatterGather({ completionSize: 3, completionTimeoutMs: 300, goodEnoughScore: null, strategy: 'collect' },
      [{ type: 'crash', target: 'agg', atMs: 5000, durationMs: 2000 }]));
    sim.runUntil(20_000);
    const s = sim.snapshot();
    balanced(s);
    const agg = s.nodes['agg']!;
    const req = s.nodes['req']!;
    expect(agg['lostGroups']).toBeGreaterThan(0);
    expect(agg['droppedWhileDown']).toBe(s.messages.droppedByReason.nodeDown);
    expect(agg['droppedWhileDown']).toBeGreaterThan(0);
    // Every request is answered by one aggregate or times out: those whose groups died, or whose replies came while down.
    expect((req['answered'] as number) + (req['timeouts'] as number) + (req['pending'] as number)).toBe(req['sent']);
    expect(req['timeouts']).toBeGreaterThanOrEqual(agg['lostGroups'] as number);
  });

  it('sends a copy of each aggregate along both its reply edge and its publish edge', () => {
    const base = scatterGather({ completionSize: 3, completionTimeoutMs: 300, goodEnoughScore: null, strategy: 'sum' });
    const sc = scenarioOf([...base.nodes, { id: 'audit', kind: 'queue' }], [...base.edges, 'agg>audit'], { durationMs: 10_000 });
    const sim = createSimulation(sc);
    sim.runUntil(10_000);
    const s = sim.snapshot();
    balanced(s);
    const out = s.nodes['agg']!['out'] as number;
    expect(out).toBeGreaterThan(50);
    expect(s.nodes['audit']!['in']).toBe(out);
    expect((s.nodes['req']!['replies'] as number)).toBe(out);
  });

  it('is deterministic: the same scenario and seed give the same snapshot', () => {
    const sc = scatterGather({ completionSize: 2, completionTimeoutMs: 100, goodEnoughScore: 9, strategy: 'sum' });
    const a = createSimulation(sc); a.runUntil(10_000);
    const b = createSimulation(sc); b.runUntil(10_000);
    expect(b.snapshot()).toEqual(a.snapshot());
  });
});
