/**
 * The message inspector's answers from the worker: the messages a node holds, or the last message that
 * entered an edge. Only the answer to the latest request is kept, so a slow answer never overwrites a newer one.
 */
import { create } from 'zustand';
import type { MessageView } from '../../engine/api';
import type { InspectedMessage } from '../../protocol';

export type InspectTarget = { kind: 'node'; id: string; limit: number } | { kind: 'edge'; id: string };

export interface InspectionState {
  target: InspectTarget | null;
  /** The id of the request whose answer we wait for (or have). */
  requestId: number;
  pending: boolean;
  /** False when nothing was loaded or the id is unknown to the simulation. */
  found: boolean;
  timeMs: number;
  messages: MessageView[];
}

export const useInspectionStore = create<InspectionState>()(() => ({
  target: null, requestId: 0, pending: false, found: false, timeMs: 0, messages: [],
}));

let nextRequest = 1;

/** Records a new request and returns its id; the caller sends it to the worker. */
export function beginInspection(target: InspectTarget): number {
  const requestId = nextRequest++;
  useInspectionStore.setState((s) => ({
    target, requestId, pending: true,
    // Keep showing the previous answer for the same target while the new one is on its way (no flicker).
    ...(sameTarget(s.target, target) ? {} : { messages: [], found: false, timeMs: 0 }),
  }));
  return requestId;
}

export function applyInspected(msg: InspectedMessage): void {
  if (msg.requestId !== useInspectionStore.getState().requestId) return;
  useInspectionStore.setState({ pending: false, found: msg.found, timeMs: msg.timeMs, messages: msg.messages });
}

export function clearInspection(): void {
  useInspectionStore.setState({ target: null, pending: false, found: false, timeMs: 0, messages: [] });
}

export function sameTarget(a: InspectTarget | null, b: InspectTarget | null): boolean {
  return a !== null && b !== null && a.kind === b.kind && a.id === b.id;
}
