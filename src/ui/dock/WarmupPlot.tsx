/**
 * The warm-up on a latency chart: a grey area from the first sample to the end of the scenario's warm-up, where no
 * latency is counted (the engine records latencies only of messages published from `workload.warmupMs` on), so that an
 * empty stretch at the start of the chart reads as "not counted", not as "no messages".
 * Its name ends in Plot: it imports recharts, so only the lazily loaded plots may import it (lazyPlot.tsx).
 */
import { ReferenceArea } from 'recharts';
import type { ChartRow } from './chartSeries';

const WARMUP_FILL = '#64748b';

/** The area as a recharts child, or nothing when the rows start after the warm-up (or there is none). */
export function warmupElement(rows: readonly ChartRow[], warmupS: number) {
  const first = rows[0]?.t, last = rows[rows.length - 1]?.t;
  if (warmupS <= 0 || first === undefined || last === undefined || first >= warmupS) return null;
  return (
    <ReferenceArea key="warmup" x1={first} x2={Math.min(warmupS, last)} ifOverflow="hidden" fill={WARMUP_FILL} fillOpacity={0.1}
      className="chart-warmup" label={{ value: 'warm-up: not counted', position: 'insideTopLeft', fontSize: 10, fill: 'currentColor' }} />
  );
}
