/**
 * Where an edge's label goes: on the curve, but not under a node. React Flow draws edge labels below the
 * nodes, so a label at the midpoint of a short edge between two close nodes is hidden. We try points along
 * the curve from the middle outwards. When none is clear of every node (the gap between the nodes is
 * narrower than the label), the label goes where it covers the least of them and, if that is only a sliver
 * (a node's border and padding), is raised above the nodes; otherwise it is crowded: it stays below them in the
 * middle, as React Flow draws it, rather than hide a node's name or figures (the presenter view leaves it out). Pure; flow coordinates throughout.
 */
import { cubicPoint, type Cubic } from './tokens';

export interface Box { x: number; y: number; w: number; h: number }

export interface LabelSize { w: number; h: number }

/** clear: no node in the way; raised: above the nodes, over a sliver of them; crowded: below them, partly hidden. */
export type LabelFit = 'clear' | 'raised' | 'crowded';

export interface LabelSpot { x: number; y: number; fit: LabelFit }

/** From the middle outwards: the middle reads best, the ends sit on the handles. */
const TRY_T = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74];
/** Where to look for the spot covering the least of the nodes when no spot is clear. */
const LEAST_T = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85];
/** A raised label may cover at most this share of its area of nodes (a node's border and padding). */
const RAISE_AT_MOST = 0.2;
/** Room kept between a label and a node, so the label does not touch the node's border. */
const MARGIN = 3;

/**
 * The label's size from its parts (the texts of its pills, all in the monospace face at `em` px), with
 * each pill's padding and border and the gap between pills (canvas.css .bl-edge-label). A rate changes as
 * the run goes: callers pass a fixed-width stand-in for it, so the label does not jump about.
 */
export function labelSize(parts: readonly string[], em: number): LabelSize {
  const charW = 0.62 * em;
  const pills = parts.reduce((w, text) => w + text.length * charW + 14, 0);
  return { w: pills + 4 * Math.max(0, parts.length - 1), h: 1.3 * em + 6 };
}

function overlaps(cx: number, cy: number, size: LabelSize, b: Box): boolean {
  return Math.abs(cx - (b.x + b.w / 2)) < (size.w + b.w) / 2 + MARGIN && Math.abs(cy - (b.y + b.h / 2)) < (size.h + b.h) / 2 + MARGIN;
}

/** The share of the label's area (centred at cx, cy) that nodes cover. */
function coveredShare(cx: number, cy: number, size: LabelSize, nodes: readonly Box[]): number {
  let area = 0;
  for (const b of nodes) {
    const w = Math.min(cx + size.w / 2, b.x + b.w) - Math.max(cx - size.w / 2, b.x);
    const h = Math.min(cy + size.h / 2, b.y + b.h) - Math.max(cy - size.h / 2, b.y);
    if (w > 0 && h > 0) area += w * h;
  }
  return size.w * size.h > 0 ? area / (size.w * size.h) : 0;
}

/** The first point along the curve where the label clears every node; else see the module comment. */
export function placeLabel(cubic: Cubic, size: LabelSize, nodes: readonly Box[]): LabelSpot {
  for (const t of TRY_T) {
    const p = cubicPoint(cubic, t);
    if (!nodes.some((b) => overlaps(p.x, p.y, size, b))) return { x: p.x, y: p.y, fit: 'clear' };
  }
  let best = { t: 0.5, share: Infinity };
  for (const t of LEAST_T) {
    const p = cubicPoint(cubic, t);
    const share = coveredShare(p.x, p.y, size, nodes);
    if (share < best.share) best = { t, share };
  }
  const raised = best.share <= RAISE_AT_MOST;
  const p = cubicPoint(cubic, raised ? best.t : 0.5);
  return { x: p.x, y: p.y, fit: raised ? 'raised' : 'crowded' };
}
