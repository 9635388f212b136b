/** The label of a fault's mark on a chart: in its row, cut where the next label in its row starts, the whole text on hover. */
import type { FaultMark } from '../faults/faultMarks';

/** What recharts passes a reference label: the mark's box in pixels (a line's has no width). */
interface LabelProps { viewBox?: { x?: number; y?: number; width?: number } }

/**
 * A label's type: its size, the height of a row of labels, and the average advance of one of its sans-serif
 * characters (what cutting measures by; a label cut a little short is better than one running over).
 */
export interface LabelType { fontPx: number; rowPx: number; charPx: number }

/** The dock's charts: 10 px labels. */
export const DOCK_LABEL: LabelType = { fontPx: 10, rowPx: 12, charPx: 5.8 };

/** `text` cut to at most `chars` characters, with an ellipsis when cut; '' when not even one letter fits. */
export function fitLabel(text: string, chars: number): string {
  if (text.length <= chars) return text;
  return chars >= 2 ? `${text.slice(0, chars - 1)}…` : '';
}

/**
 * A render function for recharts' `label` prop of a fault's ReferenceArea or ReferenceLine. The label runs
 * until `mark.labelEnd` (faultMarks): an area's box gives the pixels per second to measure that by; a line
 * has no width, so its label (which runs to the chart's end) is not cut.
 */
export function faultLabel(mark: FaultMark, color: string, type: LabelType = DOCK_LABEL) {
  const { fontPx, rowPx, charPx } = type;
  const span = mark.kind === 'area' ? mark.x2 - mark.x1 : 0;
  const room = mark.kind === 'area' ? mark.labelEnd - mark.x1 : 0;
  return function FaultLabel({ viewBox }: LabelProps) {
    if (mark.label === '') return <g />; // its label is carried by the mark that starts with it
    const x = (viewBox?.x ?? 0) + 3;
    const y = (viewBox?.y ?? 0) + fontPx + 1 + mark.row * rowPx;
    const width = viewBox?.width ?? 0;
    const px = span > 0 && width > 0 ? (width * room) / span : Infinity;
    const shown = Number.isFinite(px) ? fitLabel(mark.label, Math.floor((px - 6) / charPx)) : mark.label;
    return (
      <text x={x} y={y} fontSize={fontPx} fill={color} className="fault-mark-label">
        {shown}
        <title>{mark.label}</title>
      </text>
    );
  };
}
