/**
 * Where the token layer drew its tokens in the last frame, for clicks and hover (the token canvas itself
 * never takes the pointer). Positions are pane pixels: relative to the React Flow element's top-left.
 *
 * One module-level buffer, rewritten in place every frame (no allocation per frame once it has grown).
 */

/** Pointer distance, in screen pixels, within which a token counts as hit. */
export const HIT_RADIUS_PX = 8;

export interface DrawnTokens {
  /** How many entries below are valid (the arrays may be longer: they are reused). */
  n: number;
  x: number[];
  y: number[];
  edge: string[];
  /** Whether the token is a reply going back along its edge (target → source). */
  back: boolean[];
  /** Where it is on its edge's curve: 0 at the source, 1 at the target. */
  t: number[];
}

/** The last frame's tokens. TokenLayer writes it; clicks and hover read it. */
export const drawnTokens: DrawnTokens = { n: 0, x: [], y: [], edge: [], back: [], t: [] };

export function clearDrawn(d: DrawnTokens = drawnTokens): void {
  d.n = 0;
}

/** Records a drawn token: `back` for a reply going back along its edge, `t` where it is on the curve (0 = source). */
export function pushDrawn(x: number, y: number, edge: string, back = false, t = 0, d: DrawnTokens = drawnTokens): void {
  const i = d.n++;
  d.x[i] = x;
  d.y[i] = y;
  d.edge[i] = edge;
  d.back[i] = back;
  d.t[i] = t;
}

/** A token under the pointer: its edge, and whether it is a reply going back along it (the back lane). */
export interface TokenHit { edge: string; back: boolean }

/** The token nearest to (x, y) within `radius` pixels, or null (pure). */
export function hitToken(d: DrawnTokens, x: number, y: number, radius = HIT_RADIUS_PX): TokenHit | null {
  let best = -1;
  let bestD2 = radius * radius;
  for (let i = 0; i < d.n; i++) {
    const dx = (d.x[i] as number) - x;
    const dy = (d.y[i] as number) - y;
    const d2 = dx * dx + dy * dy;
    if (d2 <= bestD2) { bestD2 = d2; best = i; }
  }
  return best < 0 ? null : { edge: d.edge[best] as string, back: d.back[best] === true };
}

export interface DrawnToken { edge: string; x: number; y: number; back: boolean; t: number }

/** A copy of the last frame's tokens (for tests and the e2e hook). */
export function drawnList(d: DrawnTokens = drawnTokens): DrawnToken[] {
  const out: DrawnToken[] = [];
  for (let i = 0; i < d.n; i++) {
    out.push({ edge: d.edge[i] as string, x: d.x[i] as number, y: d.y[i] as number, back: d.back[i] === true, t: d.t[i] as number });
  }
  return out;
}
