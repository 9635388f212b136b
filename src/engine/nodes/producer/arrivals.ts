import type { z } from 'zod';
import type { ArrivalSchema } from '../../../schema/nodes/producer';
import { exponential } from '../../random/distributions';
import type { Random } from '../../random/prng';

type Arrival = z.output<typeof ArrivalSchema>;
type RateArrival = Exclude<Arrival, { type: 'script' }>;

/** Gives the time of the next arrival after the previous one (Infinity when there is none). */
export type NextArrival = (previousMs: number) => number;

/**
 * Rate-driven arrival processes. Rates are per second; times are ms since the start of the run.
 * `multiplier` is the scenario's workload.rateMultiplier.
 */
/** The mean gap of a Poisson process at `ratePerSec` (scaled by the workload's `multiplier`), in ms. */
export function poissonMeanGapMs(ratePerSec: number, multiplier: number): number {
  return 1000 / (ratePerSec * multiplier);
}

export function arrivalProcess(a: RateArrival, startMs: number, multiplier: number, rng: Random): NextArrival {
  switch (a.type) {
    case 'constant': { const gap = 1000 / (a.ratePerSec * multiplier); return (t) => t + gap; }
    case 'poisson': { const mean = poissonMeanGapMs(a.ratePerSec, multiplier); return (t) => t + exponential(rng, mean); }
    case 'onOff': return onOff(a.ratePerSec * multiplier, a.onMs, a.offMs, a.poisson, startMs, rng);
    case 'ramp': return ramp(a.fromRatePerSec * multiplier, a.toRatePerSec * multiplier, a.rampMs, a.poisson, startMs, rng);
  }
}

/**
 * Bursts: `onMs` at the rate, then `offMs` silent, repeating from `startMs`. A message that would fall
 * in a silent period moves to the next burst: at its first instant (constant) or a fresh exponential
 * gap into it (Poisson, which is memoryless).
 */
function onOff(ratePerSec: number, onMs: number, offMs: number, poisson: boolean, startMs: number, rng: Random): NextArrival {
  const mean = 1000 / ratePerSec;
  const cycle = onMs + offMs;
  const gap = () => (poisson ? exponential(rng, mean) : mean);
  return (t) => {
    let next = t + gap();
    for (;;) {
      const k = Math.floor((next - startMs) / cycle);
      if (next - startMs - k * cycle < onMs) return next;
      const burst = startMs + (k + 1) * cycle;
      next = poisson ? burst + gap() : burst;
      if (!poisson) return next;
    }
  };
}

/**
 * A rate moving linearly from `from` to `to` over `rampMs`, then staying at `to`.
 * Constant spacing: the next arrival is where the integral of the rate since the last one reaches 1.
 * Poisson: thinning (Lewis–Shedler) against the higher of the two rates.
 */
function ramp(from: number, to: number, rampMs: number, poisson: boolean, startMs: number, rng: Random): NextArrival {
  const rateAt = (t: number) => { const x = Math.min(Math.max((t - startMs) / rampMs, 0), 1); return (from + (to - from) * x) / 1000; };
  if (poisson) {
    const max = Math.max(from, to) / 1000;
    return (t) => {
      let next = t;
      for (let tries = 0; tries < 1_000_000; tries++) {
        next += exponential(rng, 1 / max);
        if (rng.next() * max < rateAt(next)) return next;
        if (next - startMs >= rampMs && to === 0) return Infinity;
      }
      return Infinity;
    };
  }
  const slope = (to - from) / 1000 / rampMs; // per ms²
  const rampEnd = startMs + rampMs;
  return (t) => {
    if (t < rampEnd) {
      const r0 = rateAt(t);
      const areaLeft = ((r0 + to / 1000) / 2) * (rampEnd - t);
      if (areaLeft >= 1) return t + solveLinearRamp(r0, slope, 1);
      if (to === 0) return Infinity;
      return rampEnd + (1 - areaLeft) / (to / 1000);
    }
    return to === 0 ? Infinity : t + 1000 / to;
  };
}

/** Smallest d ≥ 0 with r0·d + slope·d²/2 = area (the area is reachable within the ramp). */
function solveLinearRamp(r0: number, slope: number, area: number): number {
  if (Math.abs(slope) < 1e-15) return area / r0;
  const disc = r0 * r0 + 2 * slope * area;
  // Stable form of (−r0 + √disc) / slope, valid for either sign of the slope.
  return (2 * area) / (r0 + Math.sqrt(Math.max(disc, 0)));
}
