import { isolatedPoints, type ChartRow } from './chartSeries';

interface DotProps { cx?: number; cy?: number; index?: number }

/**
 * recharts' `dot` for one line: a dot on each reading with no reading either side (isolatedPoints), which
 * the line alone would not draw, and none elsewhere; false when there are none.
 */
export function isolatedDots(rows: readonly ChartRow[], key: string, color: string, r = 2) {
  const isolated = isolatedPoints(rows, key);
  if (isolated.size === 0) return false;
  return ({ cx, cy, index = -1 }: DotProps) => (isolated.has(index) && cx !== undefined && cy !== undefined
    ? <circle key={index} cx={cx} cy={cy} r={r} fill={color} stroke="none" className="chart-isolated-point" />
    : <g key={index} />);
}
