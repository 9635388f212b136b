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

/** A rate: 0.5/s, 12/s, 1.2k/s. */
export function rate(perSec: number): string {
  if (perSec > 0 && perSec < 10) return `${Number(perSec.toFixed(1))}/s`;
  return `${compact(perSec)}/s`;
}

const num = (n: number) => String(Number(n.toPrecision(4)));

/** A distribution in a few characters: `exp 10 ms`, `5–15 ms`, `10 ± 2 ms`. */
export function describeDistribution(d: Distribution, unit: string): string {
  switch (d.type) {
    case 'constant': return `${num(d.value)} ${unit}`;
    case 'uniform': return `${num(d.min)}–${num(d.max)} ${unit}`;
    case 'exponential': return `exp ${num(d.mean)} ${unit}`;
    case 'normal': return `${num(d.mean)} ± ${num(d.stdDev)} ${unit}`;
    case 'lognormal': return `logn ${num(d.mean)} ± ${num(d.stdDev)} ${unit}`;
    case 'list': return `${d.values.length} values (${d.pick})`;
  }
}

/** A duration people read at a glance: 250 ms, 1 s, 1.5 s, 90 s. */
export function duration(ms: number): string {
  return ms < 1000 ? `${num(ms)} ms` : `${num(ms / 1000)} s`;
}
