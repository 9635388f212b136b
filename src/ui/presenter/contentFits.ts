/** A box on the screen, in page pixels (what getBoundingClientRect gives). */
export interface ScreenBox { left: number; top: number; right: number; bottom: number }

/** Sub-pixel rounding of the transformed nodes and curves is not "sticking out". */
const SLACK = 1;

/** Every part lies inside the box; parts with no area (a label left out, display: none) do not count. */
export function allInside(box: ScreenBox, parts: readonly ScreenBox[]): boolean {
  return parts.every((r) => (r.right - r.left <= 0 && r.bottom - r.top <= 0) || (
    r.left >= box.left - SLACK && r.right <= box.right + SLACK && r.top >= box.top - SLACK && r.bottom <= box.bottom + SLACK));
}

/** What the room must see: the nodes, the edges' curves (reply loops around the nodes) and the edges' labels. */
const CONTENT = '.react-flow__node, .react-flow__edge-path, .bl-edge-label';

/** Whether the canvas in `el` shows all of its content as it is drawn now (its current pan and zoom). */
export function contentFits(el: Element): boolean {
  return allInside(el.getBoundingClientRect(), [...el.querySelectorAll(CONTENT)].map((part) => part.getBoundingClientRect()));
}
