import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../schema';
import { streamFor, type Random } from './prng';
import { samplerFor } from './samplers';

/** A stream that gives these uniforms in order and counts them; one more is an error. */
function scripted(...us: number[]): Random & { used: number } {
  const s = { used: 0, next: () => { if (s.used >= us.length) throw new Error('drew more than scripted'); return us[s.used++]!; } };
  return s;
}

const noDraws: Random = { next: () => { throw new Error('must not draw'); } };

describe('each sampler draws what the closures before it did', () => {
  // Recorded from the closure samplers of 6f5d1aa: six values of each on the stream (7, 'pin', 'sampler'), then
  // that stream's next uniform, which shows how many draws the six values took. Reports depend on every digit.
  it.each<[Distribution, number[], number]>([
    [{ type: 'constant', value: 7.5 }, [7.5, 7.5, 7.5, 7.5, 7.5, 7.5], 0.0983956737909466],
    [{ type: 'uniform', min: 5, max: 25 }, [6.967913475818932, 6.113143479451537, 9.889491559006274, 24.70583069138229, 12.677642963826656, 7.335535171441734], 0.035202506929636],
    [{ type: 'exponential', mean: 10 }, [1.0357951789956734, 0.5726601559977407, 2.803418485307872, 42.19332071300421, 4.843170158763344, 1.2417728878299354], 0.035202506929636],
    [{ type: 'normal', mean: 3, stdDev: 4 }, [4.710396196597973, 5.982371330628963, 5.923766120380138, 3.2775824846898827, 3.4270999937232802, 1.5868136647709752], 0.2107468694448471],
    [{ type: 'normal', mean: 12, stdDev: 0 }, [12, 12, 12, 12, 12, 12], 0.0983956737909466],
    [{ type: 'lognormal', mean: 20, stdDev: 10 }, [21.892629937134778, 25.441054352611534, 25.265584906436946, 18.484668372716442, 9.390614479934676, 18.81395627141508], 0.08742302632890642],
    [{ type: 'lognormal', mean: 9, stdDev: 0 }, [9.000000000000002, 9.000000000000002, 9.000000000000002, 9.000000000000002, 9.000000000000002, 9.000000000000002], 0.08742302632890642],
    [{ type: 'list', values: [3, 1, 4], pick: 'cycle' }, [3, 1, 4, 3, 1, 4], 0.0983956737909466],
    [{ type: 'list', values: [2, 4, 8, 16], pick: 'random' }, [2, 2, 2, 16, 4, 2], 0.035202506929636],
  ])('%j', (d, values, nextUniform) => {
    const rng = streamFor(7, 'pin', 'sampler');
    const sampler = samplerFor(d, rng);
    expect(Array.from({ length: 6 }, () => sampler.draw())).toEqual(values);
    expect(rng.next()).toBe(nextUniform);
  });
});

describe('what each sampler takes from its stream', () => {
  it('constant, zero-spread normal and a cycled list draw nothing', () => {
    expect(samplerFor({ type: 'constant', value: 2 }, noDraws).draw()).toBe(2);
    expect(samplerFor({ type: 'normal', mean: 5, stdDev: 0 }, noDraws).draw()).toBe(5);
    expect(samplerFor({ type: 'list', values: [1, 2], pick: 'cycle' }, noDraws).draw()).toBe(1);
  });

  it('uniform: min + (max − min)·u, one draw', () => {
    const rng = scripted(0, 0.25, 0.999);
    const s = samplerFor({ type: 'uniform', min: 4, max: 12 }, rng);
    expect([s.draw(), s.draw(), s.draw()]).toEqual([4, 6, 4 + 8 * 0.999]);
    expect(rng.used).toBe(3);
  });

  it('exponential: −ln(1 − u)·mean, one draw', () => {
    const rng = scripted(0.5, 0);
    const s = samplerFor({ type: 'exponential', mean: 3 }, rng);
    expect(s.draw()).toBe(-Math.log(0.5) * 3);
    expect(s.draw()).toBe(-0);
    expect(rng.used).toBe(2);
  });

  it('truncated normal: a negative draw is redrawn, two uniforms per try', () => {
    // u2 = 0.5 puts cos(2π·u2) at −1: z = −√(−2 ln 0.5), so mean + z < 0 with mean 1; u2 = 0 gives +√(−2 ln 0.5).
    const z = Math.sqrt(-2 * Math.log(0.5));
    const rng = scripted(0.5, 0.5, 0.5, 0.5, 0.5, 0);
    const s = samplerFor({ type: 'normal', mean: 1, stdDev: 1 }, rng);
    expect(s.draw()).toBe(1 + z);
    expect(rng.used).toBe(6);
  });

  it('truncated normal: a draw of exactly 0 is kept', () => {
    // u1 = 0 makes z = √(−2 ln 1)·cos(…) = 0 exactly, so with mean 0 the value is 0: kept at once, not redrawn.
    const rng = scripted(0, 0.3);
    expect(samplerFor({ type: 'normal', mean: 0, stdDev: 1 }, rng).draw()).toBe(0);
    expect(rng.used).toBe(2);
  });

  it('lognormal: exp(μ + σ·z), two draws even with zero spread', () => {
    const rng = scripted(0.5, 0, 0.5, 0.5);
    const s = samplerFor({ type: 'lognormal', mean: 20, stdDev: 10 }, rng);
    const sigma2 = Math.log(1 + 100 / 400);
    const mu = Math.log(20) - sigma2 / 2;
    const z = Math.sqrt(-2 * Math.log(0.5));
    expect(s.draw()).toBe(Math.exp(mu + Math.sqrt(sigma2) * z));
    expect(s.draw()).toBe(Math.exp(mu + Math.sqrt(sigma2) * z * Math.cos(Math.PI)));
    expect(rng.used).toBe(4);
    const flat = scripted(0.3, 0.6);
    expect(samplerFor({ type: 'lognormal', mean: 9, stdDev: 0 }, flat).draw()).toBeCloseTo(9, 12);
    expect(flat.used).toBe(2);
  });

  it('list, random: the value at ⌊u·length⌋, one draw', () => {
    const rng = scripted(0, 0.2499, 0.25, 0.74, 0.9999);
    const s = samplerFor({ type: 'list', values: [10, 20, 30, 40], pick: 'random' }, rng);
    expect(Array.from({ length: 5 }, () => s.draw())).toEqual([10, 10, 20, 30, 40]);
  });

  it('list, cycle: each sampler keeps its own place in the list', () => {
    const d: Distribution = { type: 'list', values: [7, 8, 9], pick: 'cycle' };
    const a = samplerFor(d, noDraws), b = samplerFor(d, noDraws);
    expect([a.draw(), a.draw(), b.draw(), a.draw(), a.draw(), b.draw()]).toEqual([7, 8, 7, 9, 7, 8]);
  });
});
