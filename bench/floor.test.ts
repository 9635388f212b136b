import { describe, expect, it } from 'vitest';
import { createSimulation } from '../src/engine';
import { kernelFloor } from './floor';
import { mm1Chains } from './scenarios';

describe('kernel floor', () => {
  it('simulates the same customers as mm1 chains on the whole engine: the same mean latency', () => {
    const events = 40_000;
    const sim = createSimulation(mm1Chains(5, 80, 10, 1e10), { sampling: false, audit: false });
    sim.runUntil(Infinity, events);
    const floor = kernelFloor(5, 1000 / 80, 10, events);
    expect(sim.events()).toBe(events);
    expect(floor.meanLatencyMs).toBe(sim.snapshot().latencyMs.mean);
  });

  it('depends on its seed like the engine does', () => {
    expect(kernelFloor(5, 1000 / 80, 10, 20_000, 1).meanLatencyMs).not.toBe(kernelFloor(5, 1000 / 80, 10, 20_000, 2).meanLatencyMs);
  });
});
