import { describe, expect, it } from 'vitest';
import { MAX_TIME_GAPS, rowTimeTicks, timeStep, timeTicks } from './chartTimeTicks';

describe('chart time ticks', () => {
  it('fall on round times within the samples shown, not evenly from the first sample', () => {
    expect(timeTicks(0.25, 32.25)).toEqual([10, 20, 30]); // 0.3, 8.3, 16.3 … before
    expect(timeTicks(3.25, 33.25)).toEqual([5, 10, 15, 20, 25, 30]); // the 30 s window, later in a run
    expect(timeTicks(0, 30)).toEqual([0, 5, 10, 15, 20, 25, 30]);
    expect(timeTicks(0.25, 8)).toEqual([2, 4, 6, 8]);
    expect(timeTicks(0.25, 1.5)).toEqual([0.5, 1, 1.5]);
    expect(timeTicks(0.25, 1)).toEqual([0.4, 0.6, 0.8, 1]); // 0.2 × 3 is not 0.6000000000000001
  });

  it('choose the step for the span: seconds, minutes, hours', () => {
    expect(timeTicks(0.25, 120)).toEqual([30, 60, 90, 120]); // the 2 min window
    expect(timeTicks(0.25, 1200)).toEqual([300, 600, 900, 1200]);
    expect(timeTicks(0.25, 4 * 3600)).toEqual([3600, 7200, 10_800, 14_400]);
    expect(timeStep(10 * 86_400)).toBe(2 * 86_400);
    for (const span of [0.3, 1, 7, 29, 31, 100, 599, 3601, 50_000, 1e6]) {
      const step = timeStep(span);
      expect(span / step).toBeLessThanOrEqual(MAX_TIME_GAPS);
      expect(span / step).toBeGreaterThan(1);
    }
  });

  it('a single sample is its own tick; a span with no round time in it keeps its two ends', () => {
    expect(timeTicks(0.25, 0.25)).toEqual([0.25]);
    expect(timeTicks(0.01, 0.02)).toEqual([0.01, 0.02]);
    expect(rowTimeTicks([])).toEqual([]);
    expect(rowTimeTicks([{ t: 0.25 }, { t: 0.5 }, { t: 12.25 }])).toEqual([2, 4, 6, 8, 10, 12]);
  });
});
