import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useDocumentStore } from '../document/documentStore';
import { SERIES_COLORS } from '../dock/LineChartCard';
import { useThrottledTelemetry } from '../dock/useThrottledTelemetry';
import { presenterChart, timeFormat, type ChartChoice } from './presenterChart';

const formatValue = (v: number) => (Math.abs(v) >= 1000 ? `${(v / 1000).toFixed(1)}k` : String(Number(v.toFixed(1))));
/** Projector type: axis figures and legend readable from the back of a room. */
const TICK = 16;

/** The presenter's single chart, in large type, over the whole run. */
export function PresenterChart({ chart }: { chart: ChartChoice | null }) {
  const telemetry = useThrottledTelemetry();
  const kind = useDocumentStore((s) => (chart ? s.scenario.nodes.find((n) => n.id === chart.node)?.kind ?? null : null));
  const plan = useMemo(() => presenterChart({ samples: telemetry.samples, nodeIds: telemetry.nodeIds, sampleFields: telemetry.sampleFields }, chart, kind), [telemetry, chart, kind]);
  const formatT = useMemo(() => timeFormat(plan.rows), [plan.rows]);
  return (
    <figure className="presenter-chart" data-testid="presenter-chart" data-points={plan.rows.length} data-last-t={plan.rows.at(-1)?.t ?? ''}>
      <figcaption>{plan.title}{plan.unit && <span className="chart-unit"> ({plan.unit})</span>}</figcaption>
      {plan.rows.length === 0 ? <p className="presenter-empty">Press Play to see it move.</p> : (
        <LineChart responsive style={{ width: '100%', height: '100%', flex: 1, minHeight: 0 }} data={plan.rows} margin={{ top: 8, right: 20, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid, #8883)" />
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={formatT} stroke="currentColor" fontSize={TICK} height={30} />
          <YAxis stroke="currentColor" fontSize={TICK} width={64} tickFormatter={formatValue} />
          <Tooltip labelFormatter={(t) => `t = ${formatT(Number(t))}`} contentStyle={{ background: 'var(--panel)', fontSize: TICK }} />
          {/* One line is named by the caption already: its room goes to the chart. */}
          {plan.lines.length > 1 && <Legend wrapperStyle={{ fontSize: TICK }} />}
          {plan.lines.map((l, i) => (
            <Line key={l.key} dataKey={l.key} name={l.label} stroke={SERIES_COLORS[i === 0 ? 0 : 2]} dot={false} strokeWidth={3} isAnimationActive={false} connectNulls={false} />
          ))}
        </LineChart>
      )}
    </figure>
  );
}
