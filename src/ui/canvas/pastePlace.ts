/**
 * Where a paste goes. A fixed step (32 px down and right) put each copy on top of its original,
 * over its output handle and the start of its edges. Copies now go below the copied nodes, as a block,
 * further down until they overlap no node. Pure: boxes in flow units, tested without React.
 */

export interface Box { x: number; y: number; width: number; height: number }

/** Space kept between a copy and any other node, flow units. */
export const PASTE_GAP = 32;
/** Offsets are snapped to the canvas grid. */
const GRID = 16;
/** A far-off block still lands somewhere: stop looking after this many steps. */
const MAX_STEPS = 100;

const overlaps = (a: Box, b: Box, gap: number) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

const snapUp = (v: number) => Math.ceil(v / GRID) * GRID;

/** How far to move `copies` (the copied nodes where they were) so that they clear `others` (every node now in the document). */
export function pasteOffset(copies: readonly Box[], others: readonly Box[]): { x: number; y: number } {
  if (copies.length === 0) return { x: 0, y: 0 };
  const top = Math.min(...copies.map((b) => b.y));
  const bottom = Math.max(...copies.map((b) => b.y + b.height));
  const step = snapUp(bottom - top + PASTE_GAP);
  let y = step;
  for (let i = 1; i < MAX_STEPS; i++, y += step) {
    const clear = copies.every((c) => others.every((o) => !overlaps({ ...c, y: c.y + y }, o, PASTE_GAP)));
    if (clear) return { x: 0, y };
  }
  return { x: 0, y };
}
