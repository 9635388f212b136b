import type { FinalConnectionState } from '@xyflow/react';
import { getScenario } from '../document/documentStore';
import { refuseConnection } from '../document/connectionRules';
import { handleChannel } from './handles';

/** The node under the pointer when a connection was dropped, if any. */
function nodeIdAt(event: MouseEvent | TouchEvent): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return null;
  const el = document.elementFromPoint(point.clientX, point.clientY);
  return el?.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? null;
}

/**
 * Why a connection dropped on the canvas was not made, or null when there is nothing to explain
 * (it was made, or it was dropped on empty space).
 */
export function explainDrop(event: MouseEvent | TouchEvent, state: FinalConnectionState): string | null {
  if (state.isValid === true || !state.fromNode) return null;
  const other = state.toNode?.id ?? nodeIdAt(event);
  if (!other) return null;
  const fromIsSource = state.fromHandle?.type !== 'target';
  const source = fromIsSource ? state.fromNode.id : other;
  const target = fromIsSource ? other : state.fromNode.id;
  const channel = handleChannel(fromIsSource ? state.fromHandle?.id : state.toHandle?.id);
  return refuseConnection(getScenario(), source, target, { channel });
}
