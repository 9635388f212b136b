import { describe, expect, it } from 'vitest';
import { formatChartTime, formatChartValue } from './chartFormat';

describe('chart numbers', () => {
  it('keeps small ticks exact enough to tell apart', () => {
    expect([0, 0.25, 0.5, 0.75, 1].map(formatChartValue)).toEqual(['0', '0.25', '0.5', '0.75', '1']);
    expect(formatChartValue(12.345)).toBe('12.35');
  });

  it('writes thousands with a k', () => {
    expect(formatChartValue(1500)).toBe('1.5k');
    expect(formatChartValue(6000)).toBe('6k');
    expect(formatChartValue(-2500)).toBe('-2.5k');
  });

  it('writes simulated time to a tenth of a second', () => {
    expect(formatChartTime(8.333)).toBe('8.3s');
    expect(formatChartTime(30)).toBe('30s');
  });
});
