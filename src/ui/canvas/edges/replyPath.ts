/**
 * A reply travels back to its Return Address (responder → requester, A4). Going forward (the requester,
 * or an aggregator, to the right of the responder) it is drawn as any edge. Going back (the target left
 * of the source), a plain bezier would run straight back through the nodes between them; this one loops
 * around them instead, below or above, whichever way is shorter, and clear of every node in its span, so
 * its label (at the loop's far point) never sits under a node. It stays ONE cubic, so the token layer
 * (parseCubic) can follow it.
 */
import type { Box } from './labelPlacement';
import type { Nesting } from './replyNesting';

/** How far the control points reach out sideways, so the edge leaves right and enters from the left. */
const REACH = 140;
/** The loop's far point is at least this far past the lower (or upper) end, with no node in the way. */
const MIN_DROP = 60;
/** Room between the loop's far point (where its label is centred) and the nodes it passes. */
const CLEAR = 30;
/** How much further out each loop nested inside this one puts it (replyNesting.ts): a label's height and a gap. */
const NEST_STEP = 26;

/** Lowest bottom and highest top of the nodes whose x-range meets [x0, x1]; null when none does. */
function band(nodes: readonly Box[], x0: number, x1: number): { top: number; bottom: number } | null {
  let top = Infinity;
  let bottom = -Infinity;
  for (const b of nodes) {
    if (b.x + b.w < x0 || b.x > x1) continue;
    top = Math.min(top, b.y);
    bottom = Math.max(bottom, b.y + b.h);
  }
  return top === Infinity ? null : { top, bottom };
}

/**
 * The loop path and its label point (the curve at t = ½, its far point), or null for a forward reply
 * (target right of the source), which the plain bezier draws well. `nodes`: every node's box, flow
 * coordinates; `nesting`: the looping replies to the same target that this one goes around.
 */
export function replyLoopPath(sx: number, sy: number, tx: number, ty: number, nodes: readonly Box[] = [],
  nesting: Nesting = { below: 0, above: 0 }): [string, number, number] | null {
  if (tx >= sx) return null;
  const c1x = sx + REACH;
  const c2x = tx - REACH;
  // The curve reaches about a quarter of REACH past its ends sideways; nodes there are in its way too.
  const span = band(nodes, tx - REACH / 4, sx + REACH / 4);
  const below = Math.max(sy, ty, span?.bottom ?? -Infinity) + CLEAR;
  const above = Math.min(sy, ty, span?.top ?? Infinity) - CLEAR;
  const goBelow = below - Math.max(sy, ty) <= Math.min(sy, ty) - above;
  const far = goBelow
    ? Math.max(below, Math.max(sy, ty) + MIN_DROP) + nesting.below * NEST_STEP
    : Math.min(above, Math.min(sy, ty) - MIN_DROP) - nesting.above * NEST_STEP;
  // B(½).y = (P0.y + 6·c + P3.y) / 8 with both control points at height c: put the far point at `far`.
  const cy = (8 * far - sy - ty) / 6;
  const path = `M${sx},${sy} C${c1x},${cy} ${c2x},${cy} ${tx},${ty}`;
  // B(½) = (P0 + 3·P1 + 3·P2 + P3) / 8
  return [path, (sx + 3 * c1x + 3 * c2x + tx) / 8, far];
}
