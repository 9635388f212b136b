import { memo, useEffect } from 'react';
import { LINK_FAULTS } from '../../schema';
import type { FaultMark } from '../faults/faultMarks';
import { formatChartTime } from './chartFormat';
import type { ChartRow } from './chartSeries';
import { lazyPlot } from './lazyPlot';
import type { LinePairKey } from './PairedLegend';

/** One line; lines of one `group` share a colour and, with a paired legend, one legend entry. */
export interface LineSpec { key: string; label: string; color: string; dashed?: boolean; group?: string }

export const SERIES_COLORS = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#475569', '#ea580c', '#0d9488', '#9333ea'];

/** How the plot draws its lines: what LineChartCard passes on to LineChartPlot. */
export interface PlotOptions {
  /** Lines come in solid/dashed pairs per group: one legend entry per group, and what each stroke means. */
  pairs?: LinePairKey;
  /** Values are counts (queue depth): no tick between whole numbers. */
  counts?: boolean;
  /** A latency chart's warm-up, in simulated seconds: shaded, and said in the caption (WarmupPlot.tsx). */
  warmupS?: number;
}

interface Props extends PlotOptions {
  title: string; unit: string; rows: ChartRow[]; lines: LineSpec[]; testId: string; empty: string;
  /** Faults on the time axis. */
  marks?: readonly FaultMark[];
}

const FAULT_COLOR = '#dc2626';
const LINK_FAULT_COLOR = '#7c3aed';
/** Crashes red, slowness amber, poison messages magenta, every link fault (delay, loss, partition, corrupt) violet. */
const FAULT_COLORS: Record<string, string> = {
  crash: '#dc2626', slow: '#d97706', slowDisk: '#d97706', poison: '#c026d3',
  ...Object.fromEntries(LINK_FAULTS.map((t) => [t, LINK_FAULT_COLOR])),
};

/** The colour of a fault's mark on a chart; red for a type this table does not know yet. */
export function faultColor(type: string): string {
  return FAULT_COLORS[type] ?? FAULT_COLOR;
}

const { Plot: LineChartPlot, preload: preloadPlot } = lazyPlot(() => import('./LineChartPlot'));

/** One line chart with a title, a time axis in simulated seconds and a value axis with a unit. */
export const LineChartCard = memo(function LineChartCard({ title, unit, rows, lines, testId, empty, marks = [], pairs, counts = false, warmupS = 0 }: Props) {
  useEffect(preloadPlot, []);
  return (
    <figure className="chart-card" data-testid={testId} data-points={rows.length} data-fault-marks={marks.length}>
      <figcaption>
        {title} <span className="chart-unit">({unit})</span>
        {warmupS > 0 && <span className="chart-note" data-testid={`${testId}-warmup`}> · counted after a {formatChartTime(warmupS)} warm-up</span>}
      </figcaption>
      {rows.length === 0 ? <p className="dock-empty">{empty}</p> : (
        <LineChartPlot unit={unit} rows={rows} lines={lines} marks={marks} pairs={pairs} counts={counts} warmupS={warmupS} />
      )}
    </figure>
  );
});
