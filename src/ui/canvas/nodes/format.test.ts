import { describe, expect, it } from 'vitest';
import { describeDistribution, duration, rate } from './format';

describe('rate', () => {
  it('reads per second from 0.1/s up, compacted past a thousand', () => {
    expect(rate(0)).toBe('0/s');
    expect(rate(0.5)).toBe('0.5/s');
    expect(rate(12)).toBe('12/s');
    expect(rate(1234)).toBe('1.2k/s');
  });

  it('reads a slow rate per minute, hour or day instead of 0/s', () => {
    expect(rate(0.05)).toBe('3/min');
    expect(rate(1 / 1800)).toBe('2/h'); // a job every 30 minutes
    expect(rate(1 / 86_400)).toBe('1/day');
    expect(rate(1 / 7200)).toBe('12/day'); // one every two hours
  });
});

describe('describeDistribution', () => {
  it('keeps milliseconds for short times', () => {
    expect(describeDistribution({ type: 'exponential', mean: 10 }, 'ms')).toBe('exp 10 ms');
    expect(describeDistribution({ type: 'uniform', min: 5, max: 1500 }, 'ms')).toBe('5–1500 ms');
  });

  it('scales long times to s, min or h by the largest value', () => {
    expect(describeDistribution({ type: 'uniform', min: 300_000, max: 2_700_000 }, 'ms')).toBe('5–45 min');
    expect(describeDistribution({ type: 'constant', value: 2500 }, 'ms')).toBe('2.5 s');
    expect(describeDistribution({ type: 'normal', mean: 7_200_000, stdDev: 1_800_000 }, 'ms')).toBe('2 ± 0.5 h');
  });
});

describe('duration', () => {
  it('takes minutes or hours from two of them, or a whole number of them', () => {
    expect([duration(1500), duration(90_000), duration(60_000), duration(150_000)]).toEqual(['1.5 s', '90 s', '1 min', '2.5 min']);
    expect([duration(3_600_000), duration(5_400_000), duration(28_800_000)]).toEqual(['1 h', '90 min', '8 h']);
  });
});
