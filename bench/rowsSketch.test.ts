import { describe, expect, it } from 'vitest';
import { rowsSketch } from './rowsSketch';
import { engineMm1MeanLatency } from './scenarios';

describe('typed-rows sketch', () => {
  it('simulates the same customers as mm1 chains on the whole engine: the same mean latency', () => {
    expect(rowsSketch(5, 1000 / 80, 10, 40_000).meanLatencyMs).toBe(engineMm1MeanLatency(5, 40_000));
  });

  it('reuses the rows of acked messages: a long run holds no more rows than messages alive at once', () => {
    // Utilisation 0.8 at one chain: a few dozen alive at most, for 100 000 messages.
    expect(rowsSketch(1, 1000 / 80, 10, 200_000).rows).toBeLessThan(100);
  });
});
