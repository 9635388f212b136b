import { describe, expect, it } from 'vitest';
import { createSimulation } from '../src/engine';
import { mm1Chains } from './scenarios';
import { rowsSketch } from './rowsSketch';

describe('typed-rows sketch', () => {
  it('simulates the same customers as mm1 chains on the whole engine: the same mean latency', () => {
    const events = 40_000;
    const sim = createSimulation(mm1Chains(5, 80, 10, 1e10), { sampling: false, audit: false });
    sim.runUntil(Infinity, events);
    expect(rowsSketch(5, 1000 / 80, 10, events).meanLatencyMs).toBe(sim.snapshot().latencyMs.mean);
  });

  it('reuses the rows of acked messages: a long run holds no more rows than messages alive at once', () => {
    // Utilisation 0.8 at one chain: a few dozen alive at most, for 100 000 messages.
    expect(rowsSketch(1, 1000 / 80, 10, 200_000).rows).toBeLessThan(100);
  });
});
