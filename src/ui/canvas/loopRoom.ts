/**
 * Fitting the view sees only the nodes, but a reply looping back to its Return Address (A4, replyPath.ts)
 * runs above or below them, nested loops further out, each with its label centred on its far point. A
 * fixed padding cannot hold them at every zoom (the presenter zooms up to 1.8): this widens the fit's top
 * and bottom padding to what the curves reach at the zoom the fit will pick. Pure, tested without React.
 */
import type { FitViewOptions } from '@xyflow/react';
import { cubicPoint, type Cubic } from './edges/tokens';

/** Half an edge label's height in flow units (presenter type, 14 px, with its pill's padding). */
const LABEL_HALF = 14;
/** Points sampled along each curve: its control polygon would overstate a loop's reach by a third. */
const STEPS = 32;

/** The nodes' vertical extent, flow coordinates. */
export interface Span { top: number; bottom: number }

/** How far the curves reach above and below the nodes (flow units, label included), 0 where they stay inside. */
export function overshoot(nodes: Span, curves: readonly Cubic[]): { above: number; below: number } {
  let top = nodes.top;
  let bottom = nodes.bottom;
  for (const c of curves) {
    for (let i = 0; i <= STEPS; i++) {
      const { y } = cubicPoint(c, i / STEPS);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return { above: top < nodes.top ? nodes.top - top + LABEL_HALF : 0, below: bottom > nodes.bottom ? bottom - nodes.bottom + LABEL_HALF : 0 };
}

const px = (v: unknown): number | null => (typeof v === 'string' && /^\d+(\.\d+)?px$/.test(v) ? parseFloat(v) : null);

/**
 * `fit` with top and bottom padding (px) room enough for the curves. Fitting nodes `h` tall into `H` px
 * with paddings R·z (z the zoom) gives z = H / (h + R_above + R_below), so R·H / (h + R_above + R_below)
 * px suffice; a fit bound by the width or by maxZoom zooms less and needs less. A padding not given in
 * px per side is left as it is.
 */
export function fitWithLoops(fit: FitViewOptions, canvasHeight: number, nodes: Span, curves: readonly Cubic[]): FitViewOptions {
  const padding = fit.padding;
  if (typeof padding !== 'object' || padding === null) return fit;
  const top = px(padding.top);
  const bottom = px(padding.bottom);
  if (top === null || bottom === null) return fit;
  const { above, below } = overshoot(nodes, curves);
  if (above === 0 && below === 0) return fit;
  const scale = canvasHeight / (nodes.bottom - nodes.top + above + below);
  return { ...fit, padding: { ...padding, top: `${Math.max(top, above * scale)}px`, bottom: `${Math.max(bottom, below * scale)}px` } };
}
