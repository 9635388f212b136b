/**
 * A chart's fault marks, drawn by recharts: an area for a fault with a span, a dashed line for one still holding,
 * each with its label (FaultLabel.tsx). Shared by the dock's charts and the presenter's, which draw them larger.
 * Its name ends in Plot: it imports recharts, so only the lazily loaded plots may import it (lazyPlot.tsx).
 */
import { ReferenceArea, ReferenceLine } from 'recharts';
import type { FaultMark } from '../faults/faultMarks';
import { DOCK_LABEL, faultLabel, type LabelType } from './FaultLabel';
import { faultColor } from './LineChartCard';

/** How large a chart draws its marks: the labels' type and the lines' width. */
export interface MarkStyle { label: LabelType; strokeWidth: number }

const DOCK_MARKS: MarkStyle = { label: DOCK_LABEL, strokeWidth: 1 };

/** The marks as recharts children (recharts wants them as the chart's own children, not inside a component). */
export function faultMarkElements(marks: readonly FaultMark[], style: MarkStyle = DOCK_MARKS) {
  return marks.map((m) => {
    const color = faultColor(m.type);
    const label = faultLabel(m, color, style.label);
    const className = `fault-mark fault-mark-${m.type}`;
    return m.kind === 'area'
      ? <ReferenceArea key={m.key} x1={m.x1} x2={m.x2} ifOverflow="hidden" fill={color} fillOpacity={0.12}
          stroke={color} strokeOpacity={0.5} strokeWidth={style.strokeWidth} strokeDasharray="3 3" className={className} label={label} />
      : <ReferenceLine key={m.key} x={m.x} ifOverflow="hidden" stroke={color} strokeWidth={style.strokeWidth} strokeDasharray="4 2"
          className={className} label={label} />;
  });
}
