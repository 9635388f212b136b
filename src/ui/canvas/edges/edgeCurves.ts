/**
 * The curve each drawn edge follows, by edge id, for the token layer. Edges register their path when
 * it changes (a node moved); the token layer reads the map every frame without going through React.
 */
import { cubicBox, parseCubic, type Cubic } from './tokens';

export interface EdgeCurve { cubic: Cubic; box: ReturnType<typeof cubicBox> }

const curves = new Map<string, EdgeCurve>();

export function setEdgeCurve(id: string, path: string): void {
  const cubic = parseCubic(path);
  if (cubic) curves.set(id, { cubic, box: cubicBox(cubic) });
  else curves.delete(id);
}

export function deleteEdgeCurve(id: string): void {
  curves.delete(id);
}

/** Every drawn edge's curve (the fit's room for reply loops, loopRoom.ts). */
export function allEdgeCurves(): Cubic[] {
  return [...curves.values()].map((c) => c.cubic);
}

export function edgeCurve(id: string): EdgeCurve | undefined {
  return curves.get(id);
}
