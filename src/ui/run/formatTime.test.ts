import { describe, expect, it } from 'vitest';
import { formatClock } from './formatTime';

describe('formatClock', () => {
  it('reads mm:ss.mmm below an hour', () => {
    expect(formatClock(0)).toBe('00:00.000');
    expect(formatClock(61_234.9)).toBe('01:01.234');
    expect(formatClock(3_599_999)).toBe('59:59.999');
  });

  it('reads h:mm:ss.mmm from an hour on, not minutes past 59', () => {
    expect(formatClock(3_600_000)).toBe('1:00:00.000');
    expect(formatClock(8 * 3_600_000)).toBe('8:00:00.000');
    expect(formatClock(2 * 3_600_000 + 5 * 60_000 + 3_007)).toBe('2:05:03.007');
  });

  it('reads 0 for what is not a time yet', () => {
    expect(formatClock(Number.NaN)).toBe('00:00.000');
    expect(formatClock(-5)).toBe('00:00.000');
    expect(formatClock(Infinity)).toBe('00:00.000');
  });
});
