import { describe, expect, it } from 'vitest';
import type { Simulation } from './api';
import { createSimulation } from './simulation';
import { scenarioOf, scriptEvery } from './testSupport';

const constant = (value: number) => ({ type: 'constant' as const, value });
const script = (n: number, gapMs = 5) => scriptEvery(n, gapMs);

/** Forward and back traffic by edge id. */
function traffic(sim: Simulation): { forward: Record<string, number>; back: Record<string, number> } {
  const f = new Float64Array(sim.edgeIds.length);
  const b = new Float64Array(sim.edgeIds.length);
  sim.writeEdgeTraffic(f);
  sim.writeEdgeBackTraffic(b);
  const forward: Record<string, number> = {};
  const back: Record<string, number> = {};
  sim.edgeIds.forEach((id, i) => { forward[id] = f[i]!; back[id] = b[i]!; });
  return { forward, back };
}

/** client → push → front, which calls back → push → deep: two direct calls, replies back along both edges (A4). */
function callChain(requests: number, extra: { delayMs?: number } = {}) {
  return scenarioOf(
    [{ id: 'client', kind: 'requester', config: { arrival: script(requests), timeoutMs: 5000 } },
      { id: 'front', kind: 'consumer', config: { serviceTimeMs: constant(2), call: { timeoutMs: 5000 } } },
      { id: 'deep', kind: 'consumer', config: { serviceTimeMs: constant(3) } }],
    [{ id: 'call1', source: 'client', target: 'front', config: { delayMs: extra.delayMs ?? 0 } },
      { id: 'call2', source: 'front', target: 'deep', config: {} }],
  );
}

describe('edge traffic: forward (send) and back (sendBack, a direct call\'s reply)', () => {
  it('counts a call\'s requests forward and its replies back, each on its own array', () => {
    const sim = createSimulation(callChain(6, { delayMs: 4 }));
    sim.runUntil(2000);
    const nodes = sim.snapshot().nodes;
    const { forward, back } = traffic(sim);
    expect(nodes.client).toMatchObject({ answered: nodes.client!.sent });
    expect(forward.call1).toBe(nodes.client!.sent);
    expect(back.call1).toBe(nodes.front!.replies);
    expect(forward.call2).toBe(nodes.front!.calls);
    expect(back.call2).toBe(nodes.deep!.replies);
    expect(back.call1).toBeGreaterThan(0);
  });

  it('has no back traffic where nothing is sent back (replies through a queue and a reply edge)', () => {
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { arrival: script(4) } }, { id: 'requests', kind: 'queue' },
        { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(1) } }],
      ['client>requests', 'requests>svc', 'svc>client'],
    );
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const { forward, back } = traffic(sim);
    expect(Object.values(back).every((n) => n === 0)).toBe(true);
    expect(forward.e2).toBe(sim.snapshot().nodes.svc!.replies);
    expect(forward.e2).toBeGreaterThan(0);
  });

  it('counts a reply lost on a partitioned link: it entered the edge', () => {
    const s = callChain(3);
    const sim = createSimulation({ ...s, faults: [{ type: 'partition', atMs: 3, durationMs: 1000, target: 'call1' }] });
    sim.runUntil(2000);
    const nodes = sim.snapshot().nodes;
    const { back } = traffic(sim);
    expect(back.call1).toBe(nodes.front!.replies);
    expect(nodes.client!.answered).toBeLessThan(nodes.client!.sent as number);
  });

  it('counts on each edge the messages its link failed to carry, either way: a partition and a lossy link', () => {
    const s = scenarioOf(
      [{ id: 'p', kind: 'producer', config: { arrival: script(100, 10) } }, { id: 'q', kind: 'queue' },
        { id: 'c', kind: 'consumer', config: { serviceTimeMs: constant(1) } }],
      ['p>q', 'q>c'],
    );
    const sim = createSimulation({ ...s, faults: [{ type: 'partition', atMs: 200, durationMs: 300, target: 'e0' }, { type: 'linkLoss', atMs: 600, durationMs: 300, probability: 0.5, target: 'e0' }] });
    sim.runUntil(2000);
    const lost = new Float64Array(sim.edgeIds.length);
    sim.writeEdgeLost(lost);
    const report = sim.snapshot().messages;
    // Every message the producer sent in the partition's 300 ms (one per 10 ms) and about half of the lossy 300 ms.
    expect(lost[0]).toBe((report.droppedByReason.partition ?? 0) + (report.droppedByReason.linkLoss ?? 0));
    expect(report.droppedByReason.partition).toBe(30);
    expect(lost[0]).toBeGreaterThan(35);
    expect(lost[1]).toBe(0);
    // A reply lost on its way back counts on its edge too: front answered the first request (sent before the
    // partition) and its reply was lost; the other requests were lost on their way: every request, one way or the other.
    const calls = createSimulation({ ...callChain(3), faults: [{ type: 'partition', atMs: 3, durationMs: 1000, target: 'call1' }] });
    calls.runUntil(2000);
    const callLost = new Float64Array(calls.edgeIds.length);
    calls.writeEdgeLost(callLost);
    const report2 = calls.snapshot();
    expect(report2.nodes.front!.replies).toBe(1);
    expect(callLost[0]).toBe(report2.nodes.client!.sent);
    expect(callLost[0]).toBe(report2.messages.droppedByReason.partition);
  });

  it('is deterministic: the same scenario and seed give the same forward and back traffic at every slice', () => {
    const a = createSimulation(callChain(40, { delayMs: 1 }), { seed: 3 });
    const b = createSimulation(callChain(40, { delayMs: 1 }), { seed: 3 });
    for (const t of [7, 50, 120, 300]) {
      a.runUntil(t);
      b.runUntil(t);
      expect(traffic(a)).toEqual(traffic(b));
    }
  });
});
