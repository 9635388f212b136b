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

/** A producer into one queue, run for `durationMs`: its snapshot and the messages the queue holds. */
function intoQueue(config: Record<string, unknown>, durationMs: number, rateMultiplier = 1) {
  const s = scenarioOf([{ id: 'p', kind: 'producer', config }, { id: 'q', kind: 'queue' }], ['p>q'], { durationMs, workload: { rateMultiplier } });
  const sim = createSimulation(s);
  sim.runUntil(durationMs);
  return { published: sim.snapshot().messages.published, sim };
}

/** Five standard deviations of a Poisson count with this mean. */
const poissonTolerance = (mean: number) => 5 * Math.sqrt(mean);

describe('the workload through the engine: published over a long window = the documented rate', () => {
  it('Poisson × rateMultiplier, from startAtMs', () => {
    const { published } = intoQueue({ arrival: { type: 'poisson', ratePerSec: 40 }, startAtMs: 20_000 }, 220_000, 1.5);
    const expected = 40 * 1.5 * 200;
    expect(Math.abs(published - expected)).toBeLessThan(poissonTolerance(expected));
  });

  it('constant from startAtMs: the first message one gap after it, count stops it', () => {
    expect(intoQueue({ arrival: { type: 'constant', ratePerSec: 20 }, startAtMs: 1000 }, 1049).published).toBe(0);
    expect(intoQueue({ arrival: { type: 'constant', ratePerSec: 20 }, startAtMs: 1000 }, 1050).published).toBe(1);
    expect(intoQueue({ arrival: { type: 'constant', ratePerSec: 20 }, startAtMs: 1000, count: 77 }, 100_000).published).toBe(77);
  });

  it.each([false, true])('onOff (poisson=%s), bursts shorter than the gap: rate × duty cycle × multiplier', (poisson) => {
    // 2/s × 2 while on, on 150 ms of every 1000 ms: 0.6 messages a second, not one a burst.
    const { published } = intoQueue({ arrival: { type: 'onOff', ratePerSec: 2, onMs: 150, offMs: 850, poisson }, startAtMs: 500 }, 500 + 2_000_000, 2);
    const expected = 2 * 2 * 0.15 * 2000;
    expect(Math.abs(published - expected)).toBeLessThanOrEqual(poisson ? poissonTolerance(expected) : 1);
  });

  it.each([false, true])('ramp (poisson=%s) from startAtMs: the integral of the rate, then the final rate', (poisson) => {
    // 10/s → 50/s over 100 s from 30 s, then 50/s for 100 s: 3000 + 5000 messages (× multiplier 0.5).
    const { published } = intoQueue({ arrival: { type: 'ramp', fromRatePerSec: 10, toRatePerSec: 50, rampMs: 100_000, poisson }, startAtMs: 30_000 }, 230_000, 0.5);
    const expected = 0.5 * (3000 + 5000);
    expect(Math.abs(published - expected)).toBeLessThanOrEqual(poisson ? poissonTolerance(expected) : 1);
  });

  it('message sizes follow sizeBytes (rounded to whole bytes): lognormal mean and sd of the value', () => {
    const n = 20_000;
    const { sim } = intoQueue({ arrival: { type: 'constant', ratePerSec: 1000 }, count: n, sizeBytes: { type: 'lognormal', mean: 2048, stdDev: 512 } }, 30_000);
    const sizes = sim.inspectNode('q', 1e9)!.map((m) => m.sizeBytes);
    expect(sizes.length).toBe(n);
    expect(sizes.every((b) => Number.isInteger(b) && b > 0)).toBe(true);
    const mean = sizes.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean - 2048)).toBeLessThan((5 * 512) / Math.sqrt(n));
    // Kurtosis of this lognormal (σ² = ln 1.0625) is ≈ 4.1; 5 is a safe value for the sd's standard error.
    expect(Math.abs(sd - 512)).toBeLessThan((5 * 512 * Math.sqrt(5 - 1)) / (2 * Math.sqrt(n)));
  });
});

describe('the workload through the engine: per-message random picks', () => {
  const n = 20_000;
  const held = (config: Record<string, unknown>) =>
    intoQueue({ arrival: { type: 'constant', ratePerSec: 1000 }, count: n, ...config }, 30_000).sim.inspectNode('q', 1e9)!;
  /** Five binomial standard deviations for n trials at p. */
  const binomialTolerance = (p: number) => 5 * Math.sqrt(n * p * (1 - p));

  it('poison.fraction: about that fraction of the messages is poison, plus the chosen ordinals', () => {
    const messages = held({ poison: { fraction: 0.1, messages: [] } });
    const poisoned = messages.filter((m) => m.poison).length;
    expect(Math.abs(poisoned - 0.1 * n)).toBeLessThan(binomialTolerance(0.1));
    const chosen = held({ poison: { fraction: 0, messages: [1, 5, 20_000] } });
    expect(chosen.filter((m) => m.poison).map((m) => m.id - chosen[0]!.id + 1)).toEqual([1, 5, 20_000]);
  });

  it('messageGroups random: each group equally often', () => {
    const messages = held({ messageGroups: { count: 4, pick: 'random' } });
    for (const g of ['g1', 'g2', 'g3', 'g4']) {
      expect(Math.abs(messages.filter((m) => m.groupId === g).length - n / 4)).toBeLessThan(binomialTolerance(0.25));
    }
  });
});
