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

/** Milliseconds in the unit that reads best for values up to `largest`: 5–45 min rather than 300000–2700000 ms. */
const MS_UNITS = [{ unit: 'h', ms: 3_600_000 }, { unit: 'min', ms: 60_000 }, { unit: 's', ms: 1000 }] as const;
function msScale(largest: number): { unit: string; ms: number } {
  return MS_UNITS.find((u) => largest >= 2 * u.ms) ?? { unit: 'ms', ms: 1 };
}

/** A distribution in a few characters: `exp 10 ms`, `5–15 ms`, `10 ± 2 ms`, `5–45 min` (times in ms are scaled). */
export function describeDistribution(d: Distribution, unit: string): string {
  const largest = d.type === 'constant' ? d.value : d.type === 'uniform' ? d.max : d.type === 'list' ? 0 : d.mean;
  const scale = unit === 'ms' ? msScale(largest) : { unit, ms: 1 };
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

/** A duration people read at a glance: 250 ms, 1 s, 1.5 s, 90 s. */
export function duration(ms: number): string {
  return ms < 1000 ? `${num(ms)} ms` : `${num(ms / 1000)} s`;
}
