/**
 * The one chart of the presenter view: the lesson's `chart` (a node's sampled figure) when a lesson is
 * open, else the whole system's throughput. Pure row building, tested without React.
 */
import type { ChartRow, SeriesContext } from '../dock/chartSeries';
import { downsample, throughputRows } from '../dock/chartSeries';

export interface ChartChoice { node: string; field: string }

export interface PresenterChartPlan {
  title: string;
  unit: string;
  rows: ChartRow[];
  lines: { key: string; label: string }[];
}

const UNITS: Record<string, string> = { inPerSec: 'msg/s', outPerSec: 'msg/s', ready: 'messages', unacked: 'messages', busy: 'busy', p50: 'ms', p95: 'ms', p99: 'ms' };
const NAMES: Record<string, string> = { inPerSec: 'in', outPerSec: 'out', ready: 'ready', unacked: 'unacked', busy: 'busy', p50: 'p50 latency', p95: 'p95 latency', p99: 'p99 latency' };

/** A node's sampled figure over the whole run, or the system's throughput when no chart is chosen. */
export function presenterChart(ctx: SeriesContext, chart: ChartChoice | null): PresenterChartPlan {
  if (!chart) {
    return {
      title: 'Throughput, whole system', unit: 'msg/s', rows: throughputRows(ctx, [], 'all'),
      lines: [{ key: 'in', label: 'published' }, { key: 'out', label: 'acked' }],
    };
  }
  const stride = ctx.sampleFields.length;
  const node = ctx.nodeIds.indexOf(chart.node);
  const field = ctx.sampleFields.indexOf(chart.field as SeriesContext['sampleFields'][number]);
  const name = NAMES[chart.field] ?? chart.field;
  const rows = node < 0 || field < 0 ? [] : ctx.samples.map((s): ChartRow => {
    const v = s.nodes[node * stride + field];
    return { t: s.tMs / 1000, value: v === undefined || !Number.isFinite(v) ? null : v };
  });
  return { title: `${chart.node}: ${name}`, unit: UNITS[chart.field] ?? '', rows: downsample(rows), lines: [{ key: 'value', label: name }] };
}
