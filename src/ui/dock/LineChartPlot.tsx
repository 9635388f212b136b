import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { FaultMark } from '../faults/faultMarks';
import { formatChartTime, formatChartValue } from './chartFormat';
import { isolatedDots } from './chartDots';
import { rowTimeTicks } from './chartTimeTicks';
import type { ChartRow } from './chartSeries';
import { faultMarkElements } from './FaultMarksPlot';
import type { LineSpec, PlotOptions } from './LineChartCard';
import { PairedLegend } from './PairedLegend';
import { warmupElement } from './WarmupPlot';

interface Props extends PlotOptions { unit: string; rows: ChartRow[]; lines: LineSpec[]; marks: readonly FaultMark[] }

/** The recharts part of a LineChartCard, in its own chunk (lazyPlot.tsx): the time axis in simulated seconds, the value axis, the fault marks. */
export default function LineChartPlot({ unit, rows, lines, marks, pairs, counts = false, warmupS = 0 }: Props) {
  return (
    <LineChart responsive style={{ width: '100%', height: '100%', flex: 1, minHeight: 0 }} data={rows} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid, #8883)" />
      {/* Ticks on round times (chartTimeTicks.ts): recharts' own split the samples' span evenly, at 0.3, 8.3, 16.3 s. */}
      <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} ticks={rowTimeTicks(rows)} tickFormatter={formatChartTime} stroke="currentColor" fontSize={11}
        label={{ value: 'simulated time (s)', position: 'insideBottomRight', offset: 0, fontSize: 10, fill: 'currentColor' }} height={36} />
      {/* No axis title: the caption gives the unit, and a rotated title did not fit a plot the legend had made short. */}
      {/* interval 0: every tick is labelled. recharts' default (preserveEnd) dropped one label of a short plot's five to
          avoid a crowding that 11 px labels 20 px apart do not have, and 0, 8, 16, 32 read as a log scale. */}
      <YAxis stroke="currentColor" fontSize={11} width={40} tickFormatter={formatChartValue} allowDecimals={!counts} interval={0} />
      <Tooltip labelFormatter={(t) => `t = ${formatChartTime(Number(t))}`} formatter={(v) => (typeof v === 'number' ? `${formatChartValue(v)} ${unit}` : String(v))}
        contentStyle={{ background: 'var(--panel-bg, #fff)', border: '1px solid #8886', fontSize: 12 }} />
      {pairs ? <Legend content={() => <PairedLegend lines={lines} pair={pairs} />} /> : <Legend wrapperStyle={{ fontSize: 11 }} />}
      {warmupElement(rows, warmupS)}
      {faultMarkElements(marks)}
      {lines.map((l) => (
        <Line key={l.key} dataKey={l.key} name={l.label} stroke={l.color} dot={isolatedDots(rows, l.key, l.color)} strokeWidth={1.5}
          strokeDasharray={l.dashed ? '4 3' : undefined} isAnimationActive={false} connectNulls={false} />
      ))}
    </LineChart>
  );
}
