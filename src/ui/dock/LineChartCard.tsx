import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { LINK_FAULTS } from '../../schema';
import type { FaultMark } from '../faults/faultMarks';
import { faultLabel } from './FaultLabel';
import { formatChartTime, formatChartValue } from './chartFormat';
import { isolatedPoints, type ChartRow } from './chartSeries';
import { PairedLegend, type LinePairKey } from './PairedLegend';

/** One line; lines of one `group` share a colour and, with a paired legend, one legend entry. */
export interface LineSpec { key: string; label: string; color: string; dashed?: boolean; group?: string }

export const SERIES_COLORS = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#475569', '#ea580c', '#0d9488', '#9333ea'];

interface Props {
  title: string; unit: string; rows: ChartRow[]; lines: LineSpec[]; testId: string; empty: string;
  /** Faults on the time axis. */
  marks?: readonly FaultMark[];
  /** Lines come in solid/dashed pairs per group: one legend entry per group, and what each stroke means. */
  pairs?: LinePairKey;
  /** Values are counts (queue depth): no tick between whole numbers. */
  counts?: boolean;
}

const FAULT_COLOR = '#dc2626';
const LINK_FAULT_COLOR = '#7c3aed';
/** Crashes red, slowness amber, every link fault (delay, loss, partition, corrupt) violet. */
const FAULT_COLORS: Record<string, string> = {
  crash: '#dc2626', slow: '#d97706', slowDisk: '#d97706',
  ...Object.fromEntries(LINK_FAULTS.map((t) => [t, LINK_FAULT_COLOR])),
};

/** The colour of a fault's mark on a chart; red for a type this table does not know yet. */
export function faultColor(type: string): string {
  return FAULT_COLORS[type] ?? FAULT_COLOR;
}


interface DotProps { cx?: number; cy?: number; index?: number }

/** A dot on each reading with no reading either side (isolatedPoints), none elsewhere; false when there are none. */
function isolatedDots(rows: readonly ChartRow[], key: string, color: string, r = 2) {
  const isolated = isolatedPoints(rows, key);
  if (isolated.size === 0) return false;
  return ({ cx, cy, index = -1 }: DotProps) => (isolated.has(index) && cx !== undefined && cy !== undefined
    ? <circle key={index} cx={cx} cy={cy} r={r} fill={color} stroke="none" className="chart-isolated-point" />
    : <g key={index} />);
}

/** One line chart with a title, a time axis in simulated seconds and a value axis with a unit. */
export const LineChartCard = memo(function LineChartCard({ title, unit, rows, lines, testId, empty, marks = [], pairs, counts = false }: Props) {
  return (
    <figure className="chart-card" data-testid={testId} data-points={rows.length} data-fault-marks={marks.length}>
      <figcaption>{title} <span className="chart-unit">({unit})</span></figcaption>
      {rows.length === 0 ? <p className="dock-empty">{empty}</p> : (
        <LineChart responsive style={{ width: '100%', height: '100%', flex: 1, minHeight: 0 }} data={rows} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid, #8883)" />
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={formatChartTime} stroke="currentColor" fontSize={11}
            label={{ value: 'simulated time (s)', position: 'insideBottomRight', offset: 0, fontSize: 10, fill: 'currentColor' }} height={36} />
          {/* No axis title: the caption gives the unit, and a rotated title did not fit a plot the legend had made short. */}
          <YAxis stroke="currentColor" fontSize={11} width={40} tickFormatter={formatChartValue} allowDecimals={!counts} />
          <Tooltip labelFormatter={(t) => `t = ${formatChartTime(Number(t))}`} formatter={(v) => (typeof v === 'number' ? `${formatChartValue(v)} ${unit}` : String(v))}
            contentStyle={{ background: 'var(--panel-bg, #fff)', border: '1px solid #8886', fontSize: 12 }} />
          {pairs ? <Legend content={() => <PairedLegend lines={lines} pair={pairs} />} /> : <Legend wrapperStyle={{ fontSize: 11 }} />}
          {marks.map((m) => (m.kind === 'area'
            ? <ReferenceArea key={m.key} x1={m.x1} x2={m.x2} ifOverflow="hidden" fill={faultColor(m.type)} fillOpacity={0.12}
                stroke={faultColor(m.type)} strokeOpacity={0.5} strokeDasharray="3 3" className={`fault-mark fault-mark-${m.type}`}
                label={faultLabel(m, faultColor(m.type))} />
            : <ReferenceLine key={m.key} x={m.x} ifOverflow="hidden" stroke={faultColor(m.type)} strokeDasharray="4 2" className={`fault-mark fault-mark-${m.type}`}
                label={faultLabel(m, faultColor(m.type))} />))}
          {lines.map((l) => (
            <Line key={l.key} dataKey={l.key} name={l.label} stroke={l.color} dot={isolatedDots(rows, l.key, l.color)} strokeWidth={1.5}
              strokeDasharray={l.dashed ? '4 3' : undefined} isAnimationActive={false} connectNulls={false} />
          ))}
        </LineChart>
      )}
    </figure>
  );
});
