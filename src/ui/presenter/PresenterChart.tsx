import { useEffect, useMemo } from 'react';
import { useDocumentStore } from '../document/documentStore';
import { lazyPlot } from '../dock/lazyPlot';
import { useThrottledTelemetry } from '../dock/useThrottledTelemetry';
import { faultMarksOver } from '../faults/faultMarks';
import { presenterChart, timeFormat, type ChartChoice } from './presenterChart';

const { Plot: PresenterPlot, preload: preloadPlot } = lazyPlot(() => import('./PresenterPlot'));

/** The presenter's single chart, in large type, over the whole run. */
export function PresenterChart({ chart }: { chart: ChartChoice | null }) {
  useEffect(preloadPlot, []);
  const telemetry = useThrottledTelemetry();
  const kind = useDocumentStore((s) => (chart ? s.scenario.nodes.find((n) => n.id === chart.node)?.kind ?? null : null));
  const plan = useMemo(() => presenterChart({ samples: telemetry.samples, nodeIds: telemetry.nodeIds, sampleFields: telemetry.sampleFields }, chart, kind), [telemetry, chart, kind]);
  const formatT = useMemo(() => timeFormat(plan.rows), [plan.rows]);
  // The run's faults on the time axis, as on the dock's charts (ChartsPanel.tsx).
  const faults = telemetry.snapshot?.audit?.faults;
  const marks = useMemo(() => faultMarksOver(faults, plan.rows), [faults, plan.rows]);
  return (
    <figure className="presenter-chart" data-testid="presenter-chart" data-points={plan.rows.length} data-last-t={plan.rows.at(-1)?.t ?? ''}
      data-fault-marks={marks.length}>
      <figcaption>{plan.title}{plan.unit && <span className="chart-unit"> ({plan.unit})</span>}</figcaption>
      {plan.rows.length === 0 ? <p className="presenter-empty">Press Play to see it move.</p> : <PresenterPlot plan={plan} formatT={formatT} marks={marks} />}
    </figure>
  );
}
