/**
 * Every node's box on the canvas (flow coordinates), for edges that route or place their label around
 * nodes. It changes only when a node moves or is resized, so an edge re-renders then and not on every
 * pan, zoom or figure update.
 */
import { useStore, type ReactFlowState } from '@xyflow/react';
import type { Box } from './labelPlacement';

const NONE: readonly Box[] = [];

function boxesOf(s: ReactFlowState): readonly Box[] {
  const out: Box[] = [];
  for (const n of s.nodeLookup.values()) {
    const w = n.measured.width ?? 0;
    const h = n.measured.height ?? 0;
    if (w > 0 && h > 0) out.push({ x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, w, h });
  }
  return out;
}

function sameBoxes(a: readonly Box[], b: readonly Box[]): boolean {
  return a.length === b.length && a.every((p, i) => { const q = b[i]!; return p.x === q.x && p.y === q.y && p.w === q.w && p.h === q.h; });
}

/** The nodes' boxes when `wanted` (an edge with a label or a reply loop), else an empty list without looking. */
export function useNodeBoxes(wanted: boolean): readonly Box[] {
  return useStore((s) => (wanted ? boxesOf(s) : NONE), sameBoxes);
}
