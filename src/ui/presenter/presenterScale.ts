/**
 * How the presenter draws a topology so that its node names and live figures read from the back of a room at 1280×720.
 *
 * The fit's zoom decides how large a name looks: 20 px type at zoom 0.5 is 10 px on the screen. So the
 * names are set in type large enough that, at the zoom the fit will pick, they show at NAME_PX, and the
 * figures (counts, ready and unacked, …) at FIGURE_PX. Large type needs room, and nodes keep their document
 * rows (often 140 apart), so:
 * - A tall topology (replication-failover: a broker row over two lanes of four rows) is fitted by its
 *   height and leaves most of the screen's width empty: its columns are spread apart and its nodes drawn
 *   wider by the same factor (the stretch), which costs no zoom while the width still fits.
 * - A name wider than its node wraps at its hyphens onto a second line instead of being cut ("work-prefetc…"
 *   on both of the priority lesson's lanes hid the one thing that lesson is about). The type is made smaller
 *   only as far as needed for the longest name's lines to leave the node below its row's neighbour.
 * Estimated from the document (positions, names), not measured from the drawn nodes: type sized from the
 * zoom of a fit that depends on the type would feed back into itself. Pure, tested without React.
 */
import { nodeWidth } from '../../schema/nodeOverlaps';
import { FIGURE_LINE, figureLines, figureSize } from './presenterFigures';

/** The size a node name shows at on the screen (px), a margin over the 18 px the e2e test asks for. */
export const NAME_PX = 20;
/** Type never smaller than the presenter's base, nor so large that a short name fills a node. */
const MIN_NAME_PX = 20;
const MAX_NAME_PX = 44;
/** Columns spread at most this much: beyond it the edges between them read as lines, not links. */
const MAX_STRETCH = 2.5;
/**
 * A node's side padding and borders (presenter.css), and its height in the presenter without its name and its lines
 * of figures (presenterFigures.ts); a queue's depth bar under its figures. Its width is its kind's (nodeWidth: a
 * requester is 236 px wide, the others 200), times the stretch (presenter.css).
 */
const NODE = { sides: 16, height: 34 } as const;
const DEPTH_BAR = 8;
/**
 * The bottom row's figures, for the zoom's estimate (their type depends on the zoom): one line of large type or
 * two of smaller. Taller, the estimate would spread the columns more and the fit, then bound by the width, zoom out.
 */
const BOTTOM_FIGURES = FIGURE_LINE * 36;
/** Under a node: its badges hang this far below its border (canvas.css .bl-node-badges). */
const BADGE_ROOM = 12;
/** The name's line height (em), and at most three lines: more would not leave room for the figures. */
const LINE = 1.1;
const MAX_LINES = 3;
/** Room under a node with no node below it in its column (document units). */
const OPEN_BELOW = 1e6;

export interface PresenterScale { stretch: number; namePx: number; figurePx: number }

export interface FitRoom { width: number; height: number; maxZoom: number }

export interface NamedPosition { x: number; y: number; name: string; kind?: string }

/** The width of a piece of a name in the node's bold type at 1 px (the browser measures; tests estimate). */
export type MeasureText = (text: string) => number;

export const NO_SCALE: PresenterScale = { stretch: 1, namePx: MIN_NAME_PX, figurePx: 20 };

/** A node's width on the canvas before the stretch (document units). */
const widthOf = (node: NamedPosition): number => nodeWidth(node.kind ?? '');

/** A node's height in the presenter without its name, its figures in `figurePx` type in a node `width` wide inside (document units). */
const nodeHeight = (node: NamedPosition, figurePx: number, width: number): number =>
  NODE.height + (node.kind === 'queue' ? DEPTH_BAR : 0) + figureLines(node.kind, figurePx, width) * FIGURE_LINE * figurePx;

/** How far below `node` the next node of its column (any node it overlaps sideways) starts, top to top (document units). */
export function roomBelow(node: NamedPosition, nodes: readonly NamedPosition[]): number {
  let gap = OPEN_BELOW;
  for (const b of nodes) {
    if (b.y > node.y && b.x < node.x + widthOf(node) && node.x < b.x + widthOf(b)) gap = Math.min(gap, b.y - node.y);
  }
  return gap;
}

/**
 * The lines `name` takes at `px` in `width`: broken after its hyphens and spaces as the browser does, a piece
 * wider than a line cut anywhere (presenter.css: overflow-wrap: anywhere).
 */
export function nameLines(name: string, px: number, width: number, measure: MeasureText): number {
  let lines = 1;
  let used = 0;
  for (const piece of name.split(/(?<=[-\s])/)) {
    const w = measure(piece) * px;
    if (used > 0 && used + w > width) { lines++; used = 0; }
    if (w > width) { lines += Math.ceil(w / width) - 1; used = w % width; } else used += w;
  }
  return lines;
}

/** The largest type (px) at most `px` in which `name` fits its lines of `width` px within `height` px. */
function fitName(name: string, px: number, width: number, height: number, measure: MeasureText): number {
  const fits = (size: number) => {
    const lines = nameLines(name, size, width, measure);
    return lines <= MAX_LINES && lines * LINE * size <= height;
  };
  let size = px;
  while (size > MIN_NAME_PX && !fits(size)) size -= 0.25;
  return Math.max(MIN_NAME_PX, size);
}

/** `room`: the canvas's size less the fit's padding (px). */
export function presenterScale(nodes: readonly NamedPosition[], room: FitRoom, measure: MeasureText): PresenterScale {
  if (nodes.length === 0 || room.width <= 0 || room.height <= 0) return NO_SCALE;
  const ys = nodes.map((p) => p.y);
  // From the leftmost node's left side to the right side reaching furthest: a requester on the right reaches 236 px past its x.
  const width = Math.max(...nodes.map((p) => p.x + widthOf(p))) - Math.min(...nodes.map((p) => p.x));
  const height = Math.max(...ys) - Math.min(...ys) + NODE.height + DEPTH_BAR + BOTTOM_FIGURES + LINE * MAX_NAME_PX;
  // The zoom the height (or maxZoom) allows; stretched, the width fits at that zoom up to MAX_STRETCH.
  const zoomByHeight = Math.min(room.height / height, room.maxZoom);
  const stretch = Math.min(MAX_STRETCH, Math.max(1, room.width / (width * zoomByHeight)));
  const zoom = Math.min(zoomByHeight, room.width / (width * stretch));
  const wanted = Math.min(MAX_NAME_PX, Math.max(MIN_NAME_PX, NAME_PX / zoom));
  // The room inside a node of `kind` for its name and its figures (document px).
  const inside = (kind: string | undefined) => nodeWidth(kind ?? '') * stretch - NODE.sides;
  // One size for every name and one for every figure (mixed sizes read as importance), the largest every node has room for.
  const figurePx = figureSize(nodes.map((n) => n.kind), zoom, inside);
  const namePx = Math.min(...nodes.map((n) => {
    const width = inside(n.kind);
    return fitName(n.name, wanted, width, roomBelow(n, nodes) - BADGE_ROOM - nodeHeight(n, figurePx, width), measure);
  }));
  return { stretch: round2(stretch), namePx: round2(namePx), figurePx: round2(figurePx) };
}

const round2 = (v: number) => Math.round(v * 100) / 100;
