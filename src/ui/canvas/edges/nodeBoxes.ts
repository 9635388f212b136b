/**
 * Every node's box on the canvas (flow coordinates), for edges that route or place their label around
 * nodes, and every node's handles, for a label to keep off. It changes only when a node moves or is resized, so an edge re-renders then and not on every
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

/** Every node's connection handles (they stick out of the node's box by half their size). */
function handleBoxesOf(s: ReactFlowState): readonly Box[] {
  const out: Box[] = [];
  for (const n of s.nodeLookup.values()) {
    const { x, y } = n.internals.positionAbsolute;
    const bounds = n.internals.handleBounds;
    for (const h of [...(bounds?.source ?? []), ...(bounds?.target ?? [])]) out.push({ x: x + h.x, y: y + h.y, w: h.width, h: h.height });
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

/** The nodes' handles when `wanted` (an edge with a label to place), for a label to keep off them (labelPlacement.ts). */
export function useHandleBoxes(wanted: boolean): readonly Box[] {
  return useStore((s) => (wanted ? handleBoxesOf(s) : NONE), sameBoxes);
}
