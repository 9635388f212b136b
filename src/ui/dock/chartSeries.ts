/**
 * From accumulated samples to chart rows: windowing, per-selection aggregation, downsampling.
 * Pure functions, tested without React.
 */
import type { MetricSample, SampleField } from '../../engine/api';

export type ChartWindow = '30s' | '2m' | 'all';
export const WINDOW_MS: Record<ChartWindow, number> = { '30s': 30_000, '2m': 120_000, all: Infinity };
/**
 * Points per series at most. A chart is a few hundred pixels wide, so more points draw nothing new,
 * and recharts' cost grows with them (2000 points × 7 series redrawn twice a second cost a third of the frames).
 */
export const MAX_POINTS = 600;
/** Above this many queues, "all queues" shows their sum instead of one line per queue. */
export const MAX_QUEUE_LINES = 6;

/** One row per sample: `t` in simulated seconds, then one number (or null for a gap) per series key. */
export type ChartRow = { t: number } & Record<string, number | null>;

export interface SeriesContext {
  samples: readonly MetricSample[];
  nodeIds: readonly string[];
  sampleFields: readonly SampleField[];
}

/** Samples within the window, which ends at the newest sample. */
export function windowed(samples: readonly MetricSample[], window: ChartWindow): readonly MetricSample[] {
  const last = samples.at(-1);
  if (!last || window === 'all') return samples;
  const from = last.tMs - WINDOW_MS[window];
  let lo = 0;
  while (lo < samples.length && samples[lo]!.tMs < from) lo++;
  return samples.slice(lo);
}

/** Keeps at most `max` rows, evenly spaced, always keeping the newest. */
export function downsample<T>(rows: readonly T[], max = MAX_POINTS): T[] {
  if (rows.length <= max) return rows.slice();
  const out: T[] = [];
  const step = (rows.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(rows[Math.round(i * step)]!);
  return out;
}

const finite = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) ? null : v);

function nodeValue(ctx: SeriesContext, s: MetricSample, nodeIndex: number, field: SampleField): number {
  return s.nodes[nodeIndex * ctx.sampleFields.length + ctx.sampleFields.indexOf(field)] ?? NaN;
}

function indexesOf(ctx: SeriesContext, ids: readonly string[]): number[] {
  return ids.map((id) => ctx.nodeIds.indexOf(id)).filter((i) => i >= 0);
}

/** Messages/s in and out: the whole system (published, acked) or the sum over the selected nodes. */
export function throughputRows(ctx: SeriesContext, selected: readonly string[], window: ChartWindow): ChartRow[] {
  const idx = indexesOf(ctx, selected);
  const rows = windowed(ctx.samples, window).map((s): ChartRow => {
    if (idx.length === 0) return { t: s.tMs / 1000, in: finite(s.publishedPerSec), out: finite(s.ackedPerSec) };
    let inSum = 0;
    let outSum = 0;
    for (const i of idx) { inSum += nodeValue(ctx, s, i, 'inPerSec'); outSum += nodeValue(ctx, s, i, 'outPerSec'); }
    return { t: s.tMs / 1000, in: finite(inSum), out: finite(outSum) };
  });
  return downsample(rows);
}

type Percentile = 'p50' | 'p95' | 'p99';
const PERCENTILES: readonly Percentile[] = ['p50', 'p95', 'p99'];

/**
 * The kinds that write a latency into their samples, each its own (src/engine/metrics/intervalLatency.ts):
 * a consumer end to end to its ack, a requester its round trip, an aggregator first reply → completion, a
 * queue its queue wait. Other kinds complete nothing and write none.
 */
export const LATENCY_KINDS: ReadonlySet<string> = new Set(['consumer', 'requester', 'aggregator', 'queue']);

/** One latency line: a percentile of a node's samples, or of the whole system's (node null). */
export interface LatencySeries { key: string; label: string; node: string | null; field: Percentile }
/** perNode: one line per node (the same percentile); otherwise the percentiles of one source. */
export interface LatencyPlan { title: string; perNode: boolean; series: LatencySeries[] }

export const SYSTEM_LATENCY: LatencyPlan = {
  title: 'End-to-end latency',
  perNode: false,
  series: PERCENTILES.map((f) => ({ key: f, label: f, node: null, field: f })),
};

/**
 * What the latency chart draws for a selection (in scenario order): the system's end-to-end percentiles
 * when no selected node measures latency; one node's p50/p95/p99; several nodes' p95, a line each, so a
 * slow-down spreading upstream shows as one line after another rising. Keys are positional: a node id may
 * hold a dot, which a chart would read as a path.
 */
export function latencyPlan(selected: readonly { id: string; kind: string }[], nameOf: (kind: string, field: Percentile) => string): LatencyPlan {
  const measured = selected.filter((n) => LATENCY_KINDS.has(n.kind));
  if (measured.length === 0) return SYSTEM_LATENCY;
  if (measured.length === 1) {
    const n = measured[0]!;
    return { title: 'Latency, selected nodes', perNode: false, series: PERCENTILES.map((f) => ({ key: `n0:${f}`, label: `${n.id} ${nameOf(n.kind, f)}`, node: n.id, field: f })) };
  }
  return { title: 'Latency, selected nodes (p95)', perNode: true, series: measured.map((n, i) => ({ key: `n${i}:p95`, label: n.id, node: n.id, field: 'p95' })) };
}

/** Latency percentiles, ms, as the plan says (the system's by default); gaps where nothing completed. */
export function latencyRows(ctx: SeriesContext, window: ChartWindow, plan: LatencyPlan = SYSTEM_LATENCY): ChartRow[] {
  const columns = plan.series.map((l) => ({ key: l.key, field: l.field, node: l.node, i: l.node === null ? -1 : ctx.nodeIds.indexOf(l.node) }));
  const rows = windowed(ctx.samples, window).map((s) => {
    const row: ChartRow = { t: s.tMs / 1000 };
    for (const c of columns) {
      // A node the run does not know (added since it started) has no line yet.
      row[c.key] = c.node === null ? finite(s[c.field]) : c.i < 0 ? null : finite(nodeValue(ctx, s, c.i, c.field));
    }
    return row;
  });
  return downsample(rows);
}

/** One queue-depth line; `queue` is the queue it belongs to (none for the sum over many queues). */
export interface QueueSeries { key: string; label: string; queue?: string }

/** Which queue series to draw: one pair per queue, or the sum when there are many. */
export function queueSeriesPlan(queueIds: readonly string[]): { perQueue: boolean; series: QueueSeries[] } {
  if (queueIds.length <= MAX_QUEUE_LINES) {
    return { perQueue: true, series: queueIds.flatMap((id) => [{ key: `${id}:ready`, label: `${id} ready`, queue: id }, { key: `${id}:unacked`, label: `${id} unacked`, queue: id }]) };
  }
  return { perQueue: false, series: [{ key: 'all:ready', label: `ready (${queueIds.length} queues)` }, { key: 'all:unacked', label: `unacked (${queueIds.length} queues)` }] };
}

/** Ready and unacked messages over time for the given queues. */
export function queueDepthRows(ctx: SeriesContext, queueIds: readonly string[], window: ChartWindow): ChartRow[] {
  const plan = queueSeriesPlan(queueIds);
  const queues = queueIds.map((id) => ({ id, i: ctx.nodeIds.indexOf(id) })).filter((q) => q.i >= 0);
  const rows = windowed(ctx.samples, window).map((s) => {
    const row: ChartRow = { t: s.tMs / 1000 };
    let ready = 0;
    let unacked = 0;
    for (const q of queues) {
      const r = nodeValue(ctx, s, q.i, 'ready');
      const u = nodeValue(ctx, s, q.i, 'unacked');
      if (plan.perQueue) { row[`${q.id}:ready`] = finite(r); row[`${q.id}:unacked`] = finite(u); }
      ready += r; unacked += u;
    }
    if (!plan.perQueue) { row['all:ready'] = finite(ready); row['all:unacked'] = finite(unacked); }
    return row;
  });
  return downsample(rows);
}

/**
 * The rows where series `key` has a value but neither neighbour has one. A line through such a point has
 * no segment to draw, so sparse data (a latency reading every other interval) would not show at all: the
 * charts mark these points with a dot instead.
 */
export function isolatedPoints(rows: readonly ChartRow[], key: string): Set<number> {
  const has = (i: number) => i >= 0 && i < rows.length && rows[i]![key] != null;
  const isolated = new Set<number>();
  for (let i = 0; i < rows.length; i++) if (has(i) && !has(i - 1) && !has(i + 1)) isolated.add(i);
  return isolated;
}
