/**
 * The edge labels' layout for the canvas on screen (labelLayout.ts): each MessageEdge hands in its candidates when they
 * change (a node moved or grew, the label gained its rate) and reads back its own place. The layout runs once for all
 * the changes of one render (a microtask later), not once per edge, and an edge re-renders only when its own place moved.
 */
import { create } from 'zustand';
import { layoutLabels, type LabelRequest } from './labelLayout';
import type { LabelCandidate } from './labelPlacement';

const requests = new Map<string, LabelRequest>();
let pending = false;

export const useLabelLayoutStore = create<{ spots: ReadonlyMap<string, LabelCandidate> }>()(() => ({ spots: new Map() }));

const samePlace = (a: LabelCandidate | undefined, b: LabelCandidate): boolean =>
  !!a && a.x === b.x && a.y === b.y && a.w === b.w && a.fit === b.fit && a.scale === b.scale;

/** Lays out every label again; a label whose place did not move keeps its object, so its edge does not re-render. */
function relayout(): void {
  pending = false;
  const before = useLabelLayoutStore.getState().spots;
  const spots = layoutLabels([...requests.values()]);
  for (const [id, place] of spots) if (samePlace(before.get(id), place)) spots.set(id, before.get(id)!);
  useLabelLayoutStore.setState({ spots });
}

/** The edge `id`'s places, best first (labelCandidates), or null when it has no label any more. */
export function setLabelCandidates(id: string, candidates: readonly LabelCandidate[] | null): void {
  if (candidates) requests.set(id, { id, candidates });
  else if (!requests.delete(id)) return;
  if (!pending) { pending = true; queueMicrotask(relayout); }
}

/** Where the layout put the edge `id`'s label; undefined before its first layout. */
export function useLabelPlace(id: string): LabelCandidate | undefined {
  return useLabelLayoutStore((s) => s.spots.get(id));
}
