/** The label of a fault's mark on a chart, as faultLabelLayout placed it; the whole text on hover. */
import type { PlacedLabel } from './faultLabelLayout';

/**
 * A label's type: its size, the height of a row of labels, and the average advance of one of its sans-serif
 * characters (what the layout measures by; a little wide, so a label measured too long leaves a gap, never an overlap).
 */
export interface LabelType { fontPx: number; rowPx: number; charPx: number }

/** The dock's charts: 10 px labels. */
export const DOCK_LABEL: LabelType = { fontPx: 10, rowPx: 12, charPx: 6 };

/**
 * The label in its row below the plot's top `top`; a label with no room shows as a small dot at the top of its
 * mark's line, above the first row, whose title gives the whole text.
 */
export function FaultLabel({ label, markX, top, color, type }: { label: PlacedLabel; markX: number; top: number; color: string; type: LabelType }) {
  const { fontPx, rowPx } = type;
  if (label.shown === '') {
    return (
      <circle cx={markX} cy={top + fontPx / 4} r={fontPx / 4} fill={color} className="fault-mark-dot" data-label={label.full}>
        <title>{label.full}</title>
      </circle>
    );
  }
  return (
    <text x={label.x} y={top + fontPx + 2 + label.row * rowPx} fontSize={fontPx} fill={color} className="fault-mark-label" data-label={label.full}>
      {label.shown}
      <title>{label.full}</title>
    </text>
  );
}
