/**
 * A reply travels back against the flow (responder → requester, A4), so its target usually sits left of
 * its source. A plain bezier would then run straight back underneath the nodes between them; this one
 * loops below them instead. It stays ONE cubic, so the token layer (parseCubic) can follow it.
 */

/** How far below the handles the control points go: the curve's lowest point is 3/4 of this down. */
const DROP = 240;
/** How far the control points reach out sideways, so the edge leaves right and enters from the left. */
const REACH = 140;

/** The loop path and its label point (the curve at t = ½), or null when the target is to the right (a plain bezier reads well). */
export function replyLoopPath(sx: number, sy: number, tx: number, ty: number): [string, number, number] | null {
  if (tx > sx + 40) return null;
  const c1x = sx + REACH;
  const c2x = tx - REACH;
  const c1y = Math.max(sy, ty) + DROP;
  const path = `M${sx},${sy} C${c1x},${c1y} ${c2x},${c1y} ${tx},${ty}`;
  // B(½) = (P0 + 3·P1 + 3·P2 + P3) / 8
  return [path, (sx + 3 * c1x + 3 * c2x + tx) / 8, (sy + 6 * c1y + ty) / 8];
}
