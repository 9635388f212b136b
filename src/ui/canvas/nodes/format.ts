import type { Distribution } from '../../../schema';

/** A compact count: 950, 1.2k, 34k, 1.5M. */
export function compact(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const a = Math.abs(n);
  if (a < 1000) return String(Math.round(n));
  if (a < 10_000) return `${(n / 1000).toFixed(1)}k`;
  if (a < 1_000_000) return `${Math.round(n / 1000)}k`;
  if (a < 10_000_000) return `${(n / 1_000_000).toFixed(1)}M`;
  return `${Math.round(n / 1_000_000)}M`;
}

/**
 * A rate: 0.5/s, 12/s, 1.2k/s; below 0.1/s per minute, hour or day (2/min, 2/h, 3/day), so that a job every
 * 30 minutes does not read "0/s".
 */
export function rate(perSec: number): string {
  if (perSec > 0 && perSec < 0.1) return slowRate(perSec);
  if (perSec > 0 && perSec < 10) return `${Number(perSec.toFixed(1))}/s`;
  return `${compact(perSec)}/s`;
}

function slowRate(perSec: number): string {
  const two = (n: number) => String(Number(n.toPrecision(2)));
  if (perSec * 60 >= 1) return `${two(perSec * 60)}/min`;
  if (perSec * 3600 >= 1) return `${two(perSec * 3600)}/h`;
  return `${two(perSec * 86_400)}/day`;
}

const num = (n: number) => String(Number(n.toPrecision(4)));

/** `from`: how many of the unit a value must hold to be read in it, unless it is a whole number of them. */
const TIME_UNITS = [{ unit: 'h', ms: 3_600_000, from: 2 }, { unit: 'min', ms: 60_000, from: 2 }, { unit: 's', ms: 1000, from: 1 }] as const;

/**
 * The unit that reads best for these times in ms: the largest that the largest value holds twice (seconds: once), or a
 * whole number of times, as long as the smallest (non-zero) is still a tenth of it or more; else ms. So 5–45 min, not 300000–2700000 ms;
 * 1 h and 90 s, not 60 min and 1.5 min; 5–2500 ms, not 0.005–2.5 s.
 */
function timeUnitFor(values: readonly number[]): { unit: string; ms: number } {
  const largest = Math.max(...values);
  const smallest = Math.min(...values.filter((v) => v > 0), largest);
  const fits = (u: { ms: number; from: number }) => largest >= u.from * u.ms || (largest >= u.ms && largest % u.ms === 0);
  return TIME_UNITS.find((u) => fits(u) && smallest >= u.ms / 10) ?? { unit: 'ms', ms: 1 };
}

/** The times a distribution's summary shows. */
function timesOf(d: Distribution): number[] {
  switch (d.type) {
    case 'constant': return [d.value];
    case 'uniform': return [d.min, d.max];
    case 'exponential': return [d.mean];
    case 'normal': case 'lognormal': return [d.mean, d.stdDev];
    case 'list': return [];
  }
}

/** A distribution in a few characters: `exp 10 ms`, `5–15 ms`, `10 ± 2 ms`, `5–45 min` (times in ms are scaled). */
export function describeDistribution(d: Distribution, unit: string): string {
  const values = timesOf(d);
  const scale = unit === 'ms' && values.length > 0 ? timeUnitFor(values) : { unit, ms: 1 };
  const v = (n: number) => num(n / scale.ms);
  const u = scale.unit;
  switch (d.type) {
    case 'constant': return `${v(d.value)} ${u}`;
    case 'uniform': return `${v(d.min)}–${v(d.max)} ${u}`;
    case 'exponential': return `exp ${v(d.mean)} ${u}`;
    case 'normal': return `${v(d.mean)} ± ${v(d.stdDev)} ${u}`;
    case 'lognormal': return `logn ${v(d.mean)} ± ${v(d.stdDev)} ${u}`;
    case 'list': return `${d.values.length} values (${d.pick})`;
  }
}

/** A duration people read at a glance: 250 ms, 1 s, 1.5 s, 90 s, 2.5 min, 1 h. */
export function duration(ms: number): string {
  const u = timeUnitFor([ms]);
  return `${num(ms / u.ms)} ${u.unit}`;
}
