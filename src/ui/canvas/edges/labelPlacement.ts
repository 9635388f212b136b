/**
 * Where an edge's label goes: on the curve, but not under a node. React Flow draws edge labels below the
 * nodes, so a label at the midpoint of a short edge between two close nodes is hidden. We try points along
 * the curve from the middle outwards; when none is clear of every node (the gap between the nodes is
 * narrower than the label), the label stays in the middle and is raised above the nodes instead.
 * Pure; flow coordinates throughout.
 */
import { cubicPoint, type Cubic } from './tokens';

export interface Box { x: number; y: number; w: number; h: number }

export interface LabelSize { w: number; h: number }

export interface LabelSpot { x: number; y: number; raised: boolean }

/** From the middle outwards: the middle reads best, the ends sit on the handles. */
const TRY_T = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74];
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

/** The first point along the curve where the label clears every node; else the middle, raised. */
export function placeLabel(cubic: Cubic, size: LabelSize, nodes: readonly Box[]): LabelSpot {
  for (const t of TRY_T) {
    const p = cubicPoint(cubic, t);
    if (!nodes.some((b) => overlaps(p.x, p.y, size, b))) return { x: p.x, y: p.y, raised: false };
  }
  const mid = cubicPoint(cubic, 0.5);
  return { x: mid.x, y: mid.y, raised: true };
}
