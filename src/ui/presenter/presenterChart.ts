/**
 * The one chart of the presenter view: the lesson's `chart` (a node's sampled figure) when a lesson is
 * open, else the whole system's throughput. Pure row building, tested without React.
 */
import type { NodeKind } from '../../schema';
import type { ChartRow, SeriesContext } from '../dock/chartSeries';
import { downsample, throughputRows } from '../dock/chartSeries';
import { figureName } from '../figureNames';

export interface ChartChoice { node: string; field: string }

export interface PresenterChartPlan {
  title: string;
  /** Empty when the title already says it ("auctioneer: open groups"). */
  unit: string;
  rows: ChartRow[];
  lines: { key: string; label: string }[];
}

/**
 * A node's sampled figure over the whole run, named as the node's kind means it (figureNames.ts), or the
 * system's throughput when no chart is chosen. `kind`: the chart node's kind, null when unknown.
 */
export function presenterChart(ctx: SeriesContext, chart: ChartChoice | null, kind: NodeKind | null = null): PresenterChartPlan {
  if (!chart) {
    return {
      title: 'Throughput, whole system', unit: 'msg/s', rows: throughputRows(ctx, [], 'all'),
      lines: [{ key: 'in', label: 'published' }, { key: 'out', label: 'acked' }],
    };
  }
  const stride = ctx.sampleFields.length;
  const node = ctx.nodeIds.indexOf(chart.node);
  const field = ctx.sampleFields.indexOf(chart.field as SeriesContext['sampleFields'][number]);
  const { name, unit } = field < 0 ? { name: chart.field, unit: '' } : figureName(kind, ctx.sampleFields[field]!);
  const rows = node < 0 || field < 0 ? [] : ctx.samples.map((s): ChartRow => {
    const v = s.nodes[node * stride + field];
    return { t: s.tMs / 1000, value: v === undefined || !Number.isFinite(v) ? null : v };
  });
  return { title: `${chart.node}: ${name}`, unit: name.endsWith(unit) ? '' : unit, rows: downsample(rows), lines: [{ key: 'value', label: name }] };
}

/**
 * Seconds on the time axis, with as many decimals as the run so far needs: 0.3 s of run with one decimal
 * would label five ticks "0.3s, 0.3s, 0.4s, …".
 */
export function timeFormat(rows: readonly ChartRow[]): (t: number) => string {
  const span = rows.length > 1 ? rows.at(-1)!.t - rows[0]!.t : 0;
  const digits = span < 2 ? 2 : span < 20 ? 1 : 0;
  return (t) => `${Number(t.toFixed(digits))}s`;
}
