import { describe, expect, it } from 'vitest';
import { CHART_REDRAW_MS, CHART_SHARE, MAX_CHART_REDRAW_MS, chartRedrawDelay } from './useThrottledTelemetry';

describe('chart redraw pacing', () => {
  it('redraws every CHART_REDRAW_MS when cheap, spaced out when costly, within a bound', () => {
    expect(chartRedrawDelay(5)).toBe(CHART_REDRAW_MS);
    expect(chartRedrawDelay(120)).toBe(120 * CHART_SHARE);
    expect(chartRedrawDelay(10_000)).toBe(MAX_CHART_REDRAW_MS);
  });
});
