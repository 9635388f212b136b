import { describe, expect, it } from 'vitest';
import { MAX_TOKENS, planTokens } from './tokens';

describe('edge tokens', () => {
  it('draws nothing on an idle edge', () => {
    expect(planTokens(0)).toEqual({ count: 0, durationSec: 0 });
    expect(planTokens(Number.NaN).count).toBe(0);
  });

  it('grows with the rate but stays capped', () => {
    const counts = [0.5, 3, 20, 200, 5000, 1e7].map((r) => planTokens(r).count);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts[0]).toBe(1);
    expect(planTokens(1e7).count).toBe(MAX_TOKENS);
    expect(planTokens(1e7).durationSec).toBeGreaterThanOrEqual(0.7);
    expect(planTokens(1).durationSec).toBeLessThanOrEqual(2.5);
  });
});
