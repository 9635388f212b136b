/**
 * A chart's fault marks, drawn by recharts: an area for a fault with a span, a dashed line for one still holding,
 * and their labels, laid out together in pixels (faultLabelLayout.ts) so that none prints over another or past the
 * plot. Shared by the dock's charts and the presenter's, which draw them larger.
 * Its name ends in Plot: it imports recharts, so only the lazily loaded plots may import it (lazyPlot.tsx).
 */
import { ReferenceArea, ReferenceLine, usePlotArea, useXAxisScale } from 'recharts';
import type { FaultMark } from '../faults/faultMarks';
import { DOCK_LABEL, FaultLabel, type LabelType } from './FaultLabel';
import { layoutFaultLabels, type LabelWish } from './faultLabelLayout';
import { faultColor } from './LineChartCard';

/** How large a chart draws its marks: the labels' type and the lines' width. */
export interface MarkStyle { label: LabelType; strokeWidth: number }

const DOCK_MARKS: MarkStyle = { label: DOCK_LABEL, strokeWidth: 1 };

/** Labels may stack down to half the plot's height, and never more than 4 rows. */
const LABEL_SHARE = 0.5;
const MAX_ROWS = 4;

const startOf = (m: FaultMark): number => (m.kind === 'area' ? m.x1 : m.x);

/** The marks as recharts children (recharts wants them as the chart's own children, not inside a component). */
export function faultMarkElements(marks: readonly FaultMark[], style: MarkStyle = DOCK_MARKS) {
  const shapes = marks.map((m) => {
    const color = faultColor(m.type);
    const className = `fault-mark fault-mark-${m.type}`;
    return m.kind === 'area'
      ? <ReferenceArea key={m.key} x1={m.x1} x2={m.x2} ifOverflow="hidden" fill={color} fillOpacity={0.12}
          stroke={color} strokeOpacity={0.5} strokeWidth={style.strokeWidth} strokeDasharray="3 3" className={className} />
      : <ReferenceLine key={m.key} x={m.x} ifOverflow="hidden" stroke={color} strokeWidth={style.strokeWidth} strokeDasharray="4 2"
          className={className} />;
  });
  return [...shapes, <FaultLabels key="fault-labels" marks={marks} type={style.label} />];
}

/** Every mark's label, placed against the others (a label carried by the mark that starts with it has none). */
function FaultLabels({ marks, type }: { marks: readonly FaultMark[]; type: LabelType }) {
  const plot = usePlotArea();
  const scale = useXAxisScale();
  if (!plot || !scale) return null;
  const wishes: LabelWish[] = [];
  const labelled: FaultMark[] = []; // the mark of each wish, in the same order
  for (const m of marks) {
    const x = scale(startOf(m));
    if (m.label === '' || x === undefined || !Number.isFinite(x)) continue;
    wishes.push({ key: m.key, x, text: m.label, shorter: [m.shortLabel, m.tinyLabel] });
    labelled.push(m);
  }
  const rows = Math.max(1, Math.min(MAX_ROWS, Math.floor((plot.height * LABEL_SHARE) / type.rowPx)));
  const placed = layoutFaultLabels(wishes, { left: plot.x, right: plot.x + plot.width, rows, charPx: type.charPx });
  return (
    <g className="fault-mark-labels">
      {placed.map((label, i) => (
        <FaultLabel key={label.key} label={label} markX={wishes[i]!.x} top={plot.y} color={faultColor(labelled[i]!.type)} type={type} />
      ))}
    </g>
  );
}
