/**
 * Message tokens on edges: how many each edge gets and where they are (pure, no DOM).
 *
 * The canvas draws at most TOKEN_BUDGET tokens in all, whatever the size of the topology, in one
 * <canvas> (see TokenLayer): a busy edge shows a sample of its traffic, never one element per message.
 */

/** How many tokens an edge would like and how long one takes along it, from the edge's message rate. */
export interface TokenPlan { count: number; durationSec: number }

/** Tokens on one edge at most. */
export const MAX_TOKENS = 6;
/** Tokens on the whole canvas at most. */
export const TOKEN_BUDGET = 150;

/**
 * Count grows with the rate (about one token per doubling) and is capped, so a busy edge never
 * means thousands of elements; faster traffic also moves a little faster, within readable bounds.
 */
export function planTokens(ratePerSec: number): TokenPlan {
  if (!(ratePerSec > 0)) return { count: 0, durationSec: 0 };
  const count = Math.max(1, Math.min(MAX_TOKENS, Math.ceil(Math.log2(1 + ratePerSec))));
  const durationSec = Math.max(0.7, Math.min(2.5, 2.5 - Math.log10(1 + ratePerSec) * 0.5));
  return { count, durationSec: Number(durationSec.toFixed(2)) };
}

/**
 * One edge's demand for tokens in one direction. `back`: the replies sent back along it, target → source
 * (a direct call's, A4 Return Address): a lane of its own, sharing the same budget as every forward lane.
 */
export interface EdgeDemand { id: string; ratePerSec: number; visible: boolean; back?: boolean }

/** Marks the back lane's key: edge ids never contain a NUL, so it cannot collide with a forward lane. */
const BACK_MARK = '\u0000back';

/** A lane's key in an allocation: the edge id for its forward lane, a marked id for its back lane. */
export function laneKey(edgeId: string, back = false): string {
  return back ? edgeId + BACK_MARK : edgeId;
}

/** The edge and direction of a lane key (the inverse of laneKey). */
export function laneOf(key: string): { edge: string; back: boolean } {
  return key.endsWith(BACK_MARK) ? { edge: key.slice(0, -BACK_MARK.length), back: true } : { edge: key, back: false };
}

/**
 * Shares `budget` tokens among the edges: idle or off-screen edges get none; every busy visible edge
 * gets one while the budget lasts (busiest first); what remains goes one token at a time, busiest
 * first, to edges whose rate asks for more (planTokens), up to MAX_TOKENS each.
 * Ties keep the input order, so the result is deterministic. Returns only lanes with tokens, by laneKey.
 */
export function allocateTokens(edges: readonly EdgeDemand[], budget = TOKEN_BUDGET): Map<string, number> {
  const busy = edges
    .map((e, i) => ({ ...e, i, want: e.visible ? planTokens(e.ratePerSec).count : 0 }))
    .filter((e) => e.want > 0)
    .sort((a, b) => b.ratePerSec - a.ratePerSec || a.i - b.i);
  const out = new Map<string, number>();
  let left = Math.max(0, Math.floor(budget));
  for (let round = 1; round <= MAX_TOKENS && left > 0; round++) {
    for (const e of busy) {
      if (left === 0) break;
      if (e.want < round) continue;
      out.set(laneKey(e.id, e.back), round);
      left--;
    }
  }
  return out;
}

/** A cubic Bézier (what React Flow's bezier edges draw): start, two control points, end. */
export type Cubic = readonly [number, number, number, number, number, number, number, number];

const NUM = /-?\d*\.?\d+(?:e[-+]?\d+)?/gi;

/**
 * The curve of an SVG path made of one move and one cubic ("M x,y C x1,y1 x2,y2 x,y"), as React Flow's
 * getBezierPath returns; a straight line from the first to the last point for anything else.
 */
export function parseCubic(path: string): Cubic | null {
  const n = (path.match(NUM) ?? []).map(Number);
  if (n.length < 4 || n.some((v) => !Number.isFinite(v))) return null;
  if (/^\s*M[^A-Za-z]*C[^A-Za-z]*$/i.test(path) && n.length === 8) return n as unknown as Cubic;
  const [x0, y0] = n as [number, number];
  const x1 = n[n.length - 2] as number;
  const y1 = n[n.length - 1] as number;
  return [x0, y0, x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3, x0 + (2 * (x1 - x0)) / 3, y0 + (2 * (y1 - y0)) / 3, x1, y1];
}

/** The point at parameter t ∈ [0, 1] on the curve. */
export function cubicPoint(c: Cubic, t: number): { x: number; y: number } {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return { x: a * c[0] + b * c[2] + d * c[4] + e * c[6], y: a * c[1] + b * c[3] + d * c[5] + e * c[7] };
}

/**
 * The unit normal to the right of travel source → target at t (screen coordinates, y down: below a
 * left-to-right edge); the chord's when the curve has no direction there (control points on an end); 0 for a point.
 */
export function cubicNormal(c: Cubic, t: number): { x: number; y: number } {
  const u = 1 - t;
  let dx = 3 * u * u * (c[2] - c[0]) + 6 * u * t * (c[4] - c[2]) + 3 * t * t * (c[6] - c[4]);
  let dy = 3 * u * u * (c[3] - c[1]) + 6 * u * t * (c[5] - c[3]) + 3 * t * t * (c[7] - c[5]);
  if (dx * dx + dy * dy < 1e-12) { dx = c[6] - c[0]; dy = c[7] - c[1]; }
  const len = Math.sqrt(dx * dx + dy * dy);
  return len < 1e-9 ? { x: 0, y: 0 } : { x: -dy / len, y: dx / len };
}

/**
 * Where a token at curve parameter t is drawn: on the edge going forward; going back (a reply), `offset`
 * to the side, on the right of its own travel (keep right, like two-way traffic), so the two directions
 * read as two lanes of one road.
 */
export function lanePoint(c: Cubic, t: number, back: boolean, offset: number): { x: number; y: number } {
  const p = cubicPoint(c, t);
  if (!back || offset === 0) return p;
  const n = cubicNormal(c, t);
  return { x: p.x - n.x * offset, y: p.y - n.y * offset };
}

/** Bounding box of the curve (of its control polygon, which contains it). */
export function cubicBox(c: Cubic): { minX: number; minY: number; maxX: number; maxY: number } {
  return {
    minX: Math.min(c[0], c[2], c[4], c[6]), maxX: Math.max(c[0], c[2], c[4], c[6]),
    minY: Math.min(c[1], c[3], c[5], c[7]), maxY: Math.max(c[1], c[3], c[5], c[7]),
  };
}

/**
 * How an edge's tokens move: at `anchorSec` the first token was at `anchorPhase` (0 = source,
 * 1 = target) and each token takes `durationSec` along the edge.
 */
export interface Motion { anchorSec: number; anchorPhase: number; durationSec: number }

/** Where token `i` of `count` is at `nowSec`: evenly spaced along the edge. A curve parameter in [0, 1). */
export function tokenPhase(m: Motion, nowSec: number, i: number, count: number): number {
  const p = m.anchorPhase + (nowSec - m.anchorSec) / m.durationSec + i / count;
  return p - Math.floor(p);
}

/**
 * The curve parameter (0 = source, 1 = target) of a token at `phase` of its trip: a forward token goes
 * source → target; a back lane's token (a reply) starts at the target and goes back to the source.
 */
export function laneT(phase: number, back: boolean): number {
  return back ? 1 - phase : phase;
}

/**
 * The motion after the edge's speed changes to `durationSec`: re-anchored where the tokens are now,
 * so a new rate changes their speed without making them jump.
 */
export function retime(prev: Motion | undefined, nowSec: number, durationSec: number): Motion {
  if (!prev) return { anchorSec: nowSec, anchorPhase: 0, durationSec };
  if (prev.durationSec === durationSec) return prev;
  return { anchorSec: nowSec, anchorPhase: tokenPhase(prev, nowSec, 0, 1), durationSec };
}
