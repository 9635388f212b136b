/**
 * The message inspector's answers from the worker: the messages a node holds, or the last message each way
 * along an edge (a direct call's last request forward, its last reply back). Only the answer to the latest
 * request is kept, so a slow answer never overwrites a newer one.
 */
import { create } from 'zustand';
import type { MessageView } from '../../engine/api';
import type { InspectedEdgeMessage, InspectedMessage } from '../../protocol';

export type InspectTarget = { kind: 'node'; id: string; limit: number } | { kind: 'edge'; id: string };

export interface InspectionState {
  target: InspectTarget | null;
  /** The id of the request whose answer we wait for (or have). */
  requestId: number;
  pending: boolean;
  /** False when nothing was loaded or the id is unknown to the simulation. */
  found: boolean;
  timeMs: number;
  /** A node's messages, head first; for an edge, the last that entered it, source → target (none or one). */
  messages: MessageView[];
  /** For an edge: the last reply sent back along it, target → source (a direct call's, A4); null otherwise. */
  reply: MessageView | null;
}

export const useInspectionStore = create<InspectionState>()(() => ({
  target: null, requestId: 0, pending: false, found: false, timeMs: 0, messages: [], reply: null,
}));

let nextRequest = 1;

/** Records a new request and returns its id; the caller sends it to the worker. */
export function beginInspection(target: InspectTarget): number {
  const requestId = nextRequest++;
  useInspectionStore.setState((s) => ({
    target, requestId, pending: true,
    // Keep showing the previous answer for the same target while the new one is on its way (no flicker).
    ...(sameTarget(s.target, target) ? {} : { messages: [], reply: null, found: false, timeMs: 0 }),
  }));
  return requestId;
}

export function applyInspected(msg: InspectedMessage | InspectedEdgeMessage): void {
  if (msg.requestId !== useInspectionStore.getState().requestId) return;
  const answer = msg.type === 'inspected' ? { messages: msg.messages, reply: null }
    : { messages: msg.forward ? [msg.forward] : [], reply: msg.back };
  useInspectionStore.setState({ pending: false, found: msg.found, timeMs: msg.timeMs, ...answer });
}

export function clearInspection(): void {
  useInspectionStore.setState({ target: null, pending: false, found: false, timeMs: 0, messages: [], reply: null });
}

/** What an edge's answer holds for one way: the last message sent forward, or the last reply sent back. */
export function lastAlongEdge(state: Pick<InspectionState, 'messages' | 'reply'>, back: boolean): MessageView | null {
  return back ? state.reply : state.messages[0] ?? null;
}

export function sameTarget(a: InspectTarget | null, b: InspectTarget | null): boolean {
  return a !== null && b !== null && a.kind === b.kind && a.id === b.id;
}
