import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatChartValue } from '../dock/chartFormat';
import { isolatedDots } from '../dock/chartDots';
import { rowTimeTicks } from '../dock/chartTimeTicks';
import { faultMarkElements, type MarkStyle } from '../dock/FaultMarksPlot';
import { SERIES_COLORS } from '../dock/LineChartCard';
import type { FaultMark } from '../faults/faultMarks';
import type { PresenterChartPlan } from './presenterChart';

/** Projector type: axis figures and legend readable from the back of a room. */
const TICK = 16;
/** Fault marks in the axis figures' type, their lines as bold as the plot's (FaultLabel.tsx: 0.6 em a character). */
const MARKS: MarkStyle = { label: { fontPx: TICK, rowPx: TICK + 3, charPx: TICK * 0.6 }, strokeWidth: 2 };

/** The recharts part of the PresenterChart, in its own chunk (../dock/lazyPlot.tsx). */
export default function PresenterPlot({ plan, formatT, marks }: { plan: PresenterChartPlan; formatT: (t: number) => string; marks: readonly FaultMark[] }) {
  return (
    <LineChart responsive style={{ width: '100%', height: '100%', flex: 1, minHeight: 0 }} data={plan.rows} margin={{ top: 8, right: 20, bottom: 4, left: 4 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid, #8883)" />
      <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} ticks={rowTimeTicks(plan.rows)} tickFormatter={formatT} stroke="currentColor" fontSize={TICK} height={30} />
      {/* interval 0: every tick labelled, as on the dock's charts (LineChartPlot.tsx). recharts' default dropped every other one at 1280×720 (0, 80, 160), and could make 0, 150, 300, 600, read as a log scale. */}
      <YAxis stroke="currentColor" fontSize={TICK} width={64} tickFormatter={formatChartValue} interval={0} />
      <Tooltip labelFormatter={(t) => `t = ${formatT(Number(t))}`} contentStyle={{ background: 'var(--panel)', fontSize: TICK }} />
      {/* One line is named by the caption already: its room goes to the chart. */}
      {plan.lines.length > 1 && <Legend wrapperStyle={{ fontSize: TICK }} />}
      {faultMarkElements(marks, MARKS)}
      {plan.lines.map((l, i) => {
        const color = SERIES_COLORS[i === 0 ? 0 : 2]!;
        return <Line key={l.key} dataKey={l.key} name={l.label} stroke={color} dot={isolatedDots(plan.rows, l.key, color, 4)} strokeWidth={3} isAnimationActive={false} connectNulls={false} />;
      })}
    </LineChart>
  );
}
