/**
 * Where an edge's label goes: on the curve, but not under a node nor on a node's connection handle. React Flow
 * draws edge labels below the nodes, so a label at the midpoint of a short edge between two close nodes is hidden,
 * and a label on a handle hides the dot where the edge begins or ends (pub-sub's short fanout edge, presenter view).
 * We try points along the curve from the middle outwards, then points just beside the curve (above a left-to-right
 * edge first), touching it, so the label still reads as the edge's. When none is clear of every node and handle (the
 * gap between the nodes is narrower than the label), the label goes where it covers the least of the nodes, off
 * their handles where it can, and, if that is only a sliver (a node's border and padding), is raised above the
 * nodes; otherwise it is crowded: it stays below them in the middle, as React Flow draws it, rather than hide a
 * node's name or figures (the presenter view leaves it out). Pure; flow coordinates throughout.
 */
import { cubicNormal, cubicPoint, type Cubic } from './tokens';

export interface Box { x: number; y: number; w: number; h: number }

export interface LabelSize { w: number; h: number }

/**
 * clear: no node in the way; beside: above the nodes, over a sliver of them but off their handles (it takes clicks);
 * raised: above the nodes, over a sliver of them and maybe a handle (clicks go through to the handle); crowded: below
 * them, partly hidden.
 */
export type LabelFit = 'clear' | 'beside' | 'raised' | 'crowded';

export interface LabelSpot { x: number; y: number; fit: LabelFit }

/** From the middle outwards: the middle reads best, the ends sit on the handles. */
const TRY_T = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74];
/** Where to look for the spot covering the least of the nodes when no spot is clear. */
const LEAST_T = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85];
/** A raised label may cover at most this share of its area of nodes (a node's border and padding). */
const RAISE_AT_MOST = 0.2;
/** Room kept between a label and a node, so the label does not touch the node's border. */
const MARGIN = 3;
/** A label beside its curve keeps this far from it: near enough to read as the edge's, clear of its arrow. */
const BESIDE_GAP = 2;

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

/** Which way is across a curve at `t`: its own normal there, or across its ends' course (acrossEnds). */
type Across = (cubic: Cubic, t: number) => { x: number; y: number };

/**
 * Across the curve as its ends run, the way its handles face (a canvas edge leaves its source on the right when even
 * its ends have no length).
 */
const acrossEnds: Across = (c) => {
  const dx = c[2] - c[0] + c[6] - c[4];
  const dy = c[3] - c[1] + c[7] - c[5];
  const len = Math.hypot(dx, dy);
  return len < 1e-6 ? { x: 0, y: 1 } : { x: -dy / len, y: dx / len };
};

/**
 * Which way is across the curve for a label beside it. A curve shorter than the handles on its ends has no course of
 * its own to be seen: between two nodes whose handles touch (scatter-gather's buyer and quote-requests in the
 * presenter) it is an S a fraction of a pixel long, upright in its middle, and a label set across that went into the
 * nodes on either side and found no place. Such a curve is crossed as its ends run: its label goes above or below it.
 */
function acrossOf(cubic: Cubic, handles: readonly Box[]): Across {
  const handle = Math.max(0, ...handles.map((h) => Math.max(h.w, h.h)));
  return Math.hypot(cubic[6] - cubic[0], cubic[7] - cubic[1]) < handle ? acrossEnds : cubicNormal;
}

/**
 * The spot `t` along the curve, or beside it on `side` (-1: left of travel, above a left-to-right edge; 1: right),
 * `gap` clear of the curve, across it as `across` has it.
 */
function spotAt(cubic: Cubic, t: number, size: LabelSize, side: -1 | 0 | 1, gap: number, across: Across): { x: number; y: number } {
  const p = cubicPoint(cubic, t);
  if (side === 0) return p;
  const n = across(cubic, t);
  // How far the label's box reaches across the curve from its centre, plus the gap.
  const reach = (size.w / 2) * Math.abs(n.x) + (size.h / 2) * Math.abs(n.y) + gap;
  return { x: p.x + side * n.x * reach, y: p.y + side * n.y * reach };
}

/** Spots beside the curve at these `ts`, best first: touching it, then clear of the handles on its ends. */
function* besideSpots(cubic: Cubic, size: LabelSize, handles: readonly Box[], ts: readonly number[], across: Across): Generator<{ x: number; y: number }> {
  // A short edge's handles sit on the curve at both ends: a label beside it must pass them by half their size.
  const pastHandles = Math.max(0, ...handles.map((h) => Math.max(h.w, h.h) / 2)) + MARGIN;
  for (const gap of [BESIDE_GAP, pastHandles]) {
    for (const side of [-1, 1] as const) for (const t of ts) yield spotAt(cubic, t, size, side, gap, across);
  }
}

/** A place the label may take, and its size there: `scale` times the size asked for (a smaller type, labelCandidates). */
export interface LabelCandidate extends LabelSpot { w: number; h: number; scale: number }

/**
 * How much farther from the curve than touching it a label may go when no spot touching it is clear, in the label's
 * heights: still read as its edge's (nearer than the next edge's label), in the gap between two rows of nodes.
 */
const FAR_GAPS = [0.6, 1.2, 1.8, 2.6];

/** The spots in `spots` covering at most RAISE_AT_MOST of the nodes, least covered first (first found first among equals). */
function leastCoveredFirst(spots: Iterable<{ x: number; y: number }>, size: LabelSize, nodes: readonly Box[]): { x: number; y: number }[] {
  const shares = [...spots].map((p) => ({ p, share: coveredShare(p.x, p.y, size, nodes) })).filter((s) => s.share <= RAISE_AT_MOST);
  return shares.sort((a, b) => a.share - b.share).map((s) => s.p);
}

/** The places for a label of `size`, best first, without its crowded last resort (see labelCandidates). */
function placesAt(cubic: Cubic, size: LabelSize, nodes: readonly Box[], handles: readonly Box[]): { x: number; y: number; fit: LabelFit }[] {
  const inTheWay = [...nodes, ...handles];
  const across = acrossOf(cubic, handles);
  const clearOf = (boxes: readonly Box[]) => (p: { x: number; y: number }) => !boxes.some((b) => overlaps(p.x, p.y, size, b));
  const near = [...TRY_T.map((t) => cubicPoint(cubic, t)), ...besideSpots(cubic, size, handles, TRY_T, across)].filter(clearOf(inTheWay));
  const leastOnCurve = LEAST_T.map((t) => cubicPoint(cubic, t));
  const offHandles = [...leastOnCurve, ...besideSpots(cubic, size, handles, LEAST_T, across)].filter(clearOf(handles));
  const far: { x: number; y: number }[] = [];
  for (const k of FAR_GAPS) for (const side of [-1, 1] as const) for (const t of TRY_T) far.push(spotAt(cubic, t, size, side, k * size.h, across));
  return [
    ...near.map((p) => ({ ...p, fit: 'clear' as const })),
    ...leastCoveredFirst(offHandles, size, nodes).map((p) => ({ ...p, fit: 'beside' as const })),
    ...far.filter(clearOf(inTheWay)).map((p) => ({ ...p, fit: 'clear' as const })),
    ...leastCoveredFirst(leastOnCurve, size, nodes).map((p) => ({ ...p, fit: 'raised' as const })),
  ];
}

/**
 * Every place the label may take, best first, for a layout of all the labels to choose among (labelLayout.ts: the
 * first not over another label): clear spots touching the curve, spots over a sliver of the nodes but off their
 * handles, clear spots farther beside the curve (FAR_GAPS), spots over a sliver and maybe a handle; then the same in
 * each smaller type of `scales` (the presenter's, never below a legible size: presenterLabels.ts); last, crowded in
 * the curve's middle. `scales`: the label's size factors after 1, largest first.
 */
export function labelCandidates(cubic: Cubic, size: LabelSize, nodes: readonly Box[], handles: readonly Box[] = [], scales: readonly number[] = []): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  for (const scale of [1, ...scales]) {
    const scaled = { w: size.w * scale, h: size.h * scale };
    for (const p of placesAt(cubic, scaled, nodes, handles)) out.push({ ...p, ...scaled, scale });
  }
  const p = cubicPoint(cubic, 0.5);
  out.push({ x: p.x, y: p.y, fit: 'crowded', ...size, scale: 1 });
  return out;
}

/** The label's best place alone on the canvas (labelCandidates' first). */
export function placeLabel(cubic: Cubic, size: LabelSize, nodes: readonly Box[], handles: readonly Box[] = []): LabelSpot {
  const { x, y, fit } = labelCandidates(cubic, size, nodes, handles)[0]!;
  return { x, y, fit };
}
