import type { NodeKind } from '../../schema';

type Handler = (kind: NodeKind) => void;
let handler: Handler | null = null;

/** The canvas registers how to add a node at the centre of its view; the palette asks it to. */
export function onAddAtCentre(h: Handler | null): void {
  handler = h;
}

export function requestAddAtCentre(kind: NodeKind): void {
  handler?.(kind);
}
