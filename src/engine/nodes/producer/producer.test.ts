import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { RoutingKeysSchema } from '../../../schema/nodes/producer';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

/** Producer into a direct exchange with one queue per key, so the queues count the keys. */
function byKey(routingKeys: z.input<typeof RoutingKeysSchema>, count: number | null, extra: Record<string, unknown> = {}, keys = ['a', 'b', 'c']) {
  const s = scenarioOf(
    [{ id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 1000 }, routingKeys, count, ...extra } },
      { id: 'x', kind: 'exchange', config: { type: 'direct' } }, ...keys.map((k) => ({ id: `q-${k}`, kind: 'queue' as const }))],
    ['p>x', ...keys.map((k) => `x>q-${k}:${k}`)],
    { durationMs: 100_000 },
  );
  const sim = createSimulation(s);
  sim.runUntil(100_000);
  return sim.snapshot();
}

describe('producer', () => {
  it('stops after `count` messages', () => {
    const snap = byKey({ pick: 'cycle', keys: ['a'] }, 1234);
    expect(snap.nodes.p!.out).toBe(1234);
    expect(snap.nodes['q-a']!.in).toBe(1234);
  });

  it('cycles through its routing keys in order', () => {
    const snap = byKey({ pick: 'cycle', keys: ['a', 'b', 'c'] }, 10);
    expect([snap.nodes['q-a']!.in, snap.nodes['q-b']!.in, snap.nodes['q-c']!.in]).toEqual([4, 3, 3]);
  });

  it('picks weighted keys in proportion to their weights', () => {
    const n = 30_000;
    const snap = byKey({ pick: 'weighted', keys: [{ key: 'a', weight: 1 }, { key: 'b', weight: 2 }, { key: 'c', weight: 7 }] }, n);
    // Binomial standard deviation is at most sqrt(n/4) ≈ 87; allow 5 of them.
    expect(Math.abs((snap.nodes['q-a']!.in as number) - 0.1 * n)).toBeLessThan(450);
    expect(Math.abs((snap.nodes['q-b']!.in as number) - 0.2 * n)).toBeLessThan(450);
    expect(Math.abs((snap.nodes['q-c']!.in as number) - 0.7 * n)).toBeLessThan(450);
  });

  it('picks random keys roughly uniformly', () => {
    const n = 30_000;
    const snap = byKey({ pick: 'random', keys: ['a', 'b', 'c'] }, n);
    for (const k of ['a', 'b', 'c']) expect(Math.abs((snap.nodes[`q-${k}`]!.in as number) - n / 3)).toBeLessThan(450);
  });

  it('starts publishing at startAtMs', () => {
    const s = scenarioOf(
      [{ id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 }, startAtMs: 5000 } }, { id: 'q', kind: 'queue' }],
      ['p>q'],
    );
    const sim = createSimulation(s);
    sim.runUntil(5000);
    expect(sim.snapshot().nodes.p!.out).toBe(0);
    sim.runUntil(6000);
    expect(sim.snapshot().nodes.p!.out).toBe(100);
  });

  it('publishes a script at its times, in written order for equal times, with its keys', () => {
    const s = scenarioOf(
      [{ id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [
        { atMs: 300, routingKey: 'b' }, { atMs: 100, routingKey: 'a' }, { atMs: 300, routingKey: 'a' }] } } },
      { id: 'x', kind: 'exchange', config: { type: 'direct' } }, { id: 'qa', kind: 'queue' }, { id: 'qb', kind: 'queue' }],
      ['p>x', 'x>qa:a', 'x>qb:b'],
    );
    const sim = createSimulation(s);
    sim.runUntil(200);
    expect(sim.snapshot().nodes.qa!.in).toBe(1);
    sim.runUntil(400);
    expect(sim.snapshot().nodes).toMatchObject({ qa: { in: 2 }, qb: { in: 1 } });
  });
});
