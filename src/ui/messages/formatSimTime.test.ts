import { describe, expect, it } from 'vitest';
import { formatSimTime } from './describeMessage';

describe('formatSimTime', () => {
  it('reads ms, s, then min and s', () => {
    expect(formatSimTime(950)).toBe('950 ms');
    expect(formatSimTime(12_345)).toBe('12.35 s');
    expect(formatSimTime(185_000)).toBe('3 min 05.0 s');
  });

  it('never reads 60 seconds: a value just under a minute rounds up to it', () => {
    expect(formatSimTime(119_990)).toBe('2 min 00.0 s');
  });

  it('reads hours from an hour on, not minutes past 59', () => {
    expect(formatSimTime(2 * 3_600_000 + 5 * 60_000 + 3_000)).toBe('2 h 05 min 03.0 s');
    expect(formatSimTime(3_599_990)).toBe('1 h 00 min 00.0 s');
  });

  it('reads a dash for what is not a time', () => {
    expect(formatSimTime(Infinity)).toBe('—');
  });
});
