import { describe, expect, it } from 'vitest';
import { kernelFloor } from './floor';
import { engineMm1MeanLatency } from './scenarios';

describe('kernel floor', () => {
  it('simulates the same customers as mm1 chains on the whole engine: the same mean latency', () => {
    expect(kernelFloor(5, 1000 / 80, 10, 40_000).meanLatencyMs).toBe(engineMm1MeanLatency(5, 40_000));
  });

  it('depends on its seed like the engine does', () => {
    expect(kernelFloor(5, 1000 / 80, 10, 20_000, 1).meanLatencyMs).not.toBe(kernelFloor(5, 1000 / 80, 10, 20_000, 2).meanLatencyMs);
  });
});
