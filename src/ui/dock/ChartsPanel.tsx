import { useMemo, useState } from 'react';
import type { NodeKind } from '../../schema';
import { useDocumentStore } from '../document/documentStore';
import { useRunFinished } from '../run/runFinished';
import { faultMarksOver } from '../faults/faultMarks';
import { figureName } from '../figureNames';
import { useViewStore } from '../view/viewStore';
import { latencyPlan, latencyRows, queueDepthRows, queueSeriesPlan, throughputRows, type ChartWindow, type SeriesContext } from './chartSeries';
import { LineChartCard, SERIES_COLORS, type LineSpec } from './LineChartCard';
import { useThrottledTelemetry } from './useThrottledTelemetry';
import { WindowSelector } from './WindowSelector';

/** A chart with no samples: none yet before and during a run; a run that finished had none (it ended before the first). */
const noData = (finished: boolean) => (finished ? 'No samples in this run.' : 'No samples yet: press Play.');
/** p50, p95, p99 in green, amber, red; one line per node in the series colours. */
const PERCENTILE_COLORS = [SERIES_COLORS[2]!, SERIES_COLORS[3]!, SERIES_COLORS[1]!];
const percentileName = (kind: string, field: 'p50' | 'p95' | 'p99') => figureName(kind as NodeKind, field).name;

/** A queue's two lines: its ready messages solid, its unacked dashed. */
const QUEUE_PAIRS = { solid: 'ready', dashed: 'unacked' } as const;

/** Charts tab: throughput, latency and queue depth, for the selection or the whole system. */
export function ChartsPanel() {
  const [window, setWindow] = useState<ChartWindow>('30s');
  const telemetry = useThrottledTelemetry();
  const empty = noData(useRunFinished());
  const selected = useViewStore((s) => s.selectedNodeIds);
  const nodes = useDocumentStore((s) => s.scenario.nodes);
  const warmupS = useDocumentStore((s) => s.scenario.workload.warmupMs) / 1000;
  const ctx: SeriesContext = useMemo(() => ({ samples: telemetry.samples, nodeIds: telemetry.nodeIds, sampleFields: telemetry.sampleFields }), [telemetry]);

  const queueIds = useMemo(() => {
    const queues = nodes.filter((n) => n.kind === 'queue').map((n) => n.id);
    const picked = queues.filter((id) => selected.includes(id));
    return picked.length > 0 ? picked : queues;
  }, [nodes, selected]);

  const throughput = useMemo(() => throughputRows(ctx, selected, window), [ctx, selected, window]);
  // Selected nodes' own latency (each kind's, see LATENCY_KINDS), or the system's end to end.
  const latencyChart = useMemo(() => latencyPlan(nodes.filter((n) => selected.includes(n.id)), percentileName), [nodes, selected]);
  const latency = useMemo(() => latencyRows(ctx, window, latencyChart), [ctx, window, latencyChart]);
  const latencyLines = useMemo(() => latencyChart.series.map((l, i): LineSpec => ({
    key: l.key, label: l.label, color: latencyChart.perNode ? SERIES_COLORS[i % SERIES_COLORS.length]! : PERCENTILE_COLORS[i]!,
  })), [latencyChart]);
  const depth = useMemo(() => queueDepthRows(ctx, queueIds, window), [ctx, queueIds, window]);
  const depthPlan = useMemo(() => queueSeriesPlan(queueIds), [queueIds]);
  const depthLines = useMemo(() => depthPlan.series.map((s, i): LineSpec => ({
    key: s.key, label: s.label, color: SERIES_COLORS[Math.floor(i / 2) % SERIES_COLORS.length]!, dashed: s.key.endsWith(':unacked'),
    group: s.queue,
  })), [depthPlan]);

  // Faults on every chart's time axis, from the latest report (areas for a duration, lines for the rest).
  const faults = telemetry.snapshot?.audit?.faults;
  const throughputMarks = useMemo(() => faultMarksOver(faults, throughput), [faults, throughput]);
  const latencyMarks = useMemo(() => faultMarksOver(faults, latency), [faults, latency]);
  const depthMarks = useMemo(() => faultMarksOver(faults, depth), [faults, depth]);

  const scope = selected.length === 0 ? 'whole system' : `${selected.length} selected node${selected.length > 1 ? 's' : ''}`;
  // Whole system: every copy a fanout or a topic makes is acked on its own, so acks can run at several times the publishes.
  const throughputLines: LineSpec[] = selected.length === 0
    ? [{ key: 'in', label: 'published', color: SERIES_COLORS[0]! }, { key: 'out', label: 'acked (all copies)', color: SERIES_COLORS[2]! }]
    : [{ key: 'in', label: 'in', color: SERIES_COLORS[0]! }, { key: 'out', label: 'out', color: SERIES_COLORS[2]! }];

  return (
    <div className="charts-panel" data-testid="charts-panel">
      <div className="charts-toolbar">
        <span className="charts-scope">Showing: <strong>{scope}</strong></span>
        <WindowSelector value={window} onChange={setWindow} />
      </div>
      <div className="charts-grid">
        <LineChartCard testId="chart-throughput" title={`Throughput, ${scope}`} unit="msg/s" rows={throughput} lines={throughputLines} empty={empty} marks={throughputMarks} />
        <LineChartCard testId="chart-latency" title={latencyChart.title} unit="ms" rows={latency} lines={latencyLines} empty={empty} marks={latencyMarks} warmupS={warmupS} />
        <LineChartCard testId="chart-queue-depth" title={`Queue depth, ${queueIds.length === 0 ? 'no queues' : selected.some((id) => queueIds.includes(id)) ? 'selected queues' : 'all queues'}`}
          unit="messages" rows={depth} lines={depthLines} pairs={depthPlan.perQueue ? QUEUE_PAIRS : undefined} counts empty={queueIds.length === 0 ? 'This topology has no queues.' : empty} marks={depthMarks} />
      </div>
    </div>
  );
}
