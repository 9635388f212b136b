/**
 * Edits of the document's fault timeline (`scenario.faults`), each one undo step through the document
 * store, so a fault is saved, shared and replayed like any other part of the scenario.
 */
import { INSTANT_FAULT_TYPES, type Fault } from '../../schema';
import { useDocumentStore, type EditResult } from '../document/documentStore';

/** Records a live fault as the engine returned it (atMs = when it happened, live = true). */
export function recordFault(fault: Fault): EditResult {
  return useDocumentStore.getState().edit((d) => { d.faults.push(fault); });
}

/** A new scheduled fault for the timeline editor: a 5 s crash of `target`, a second after the last fault. */
export function newFault(faults: readonly Fault[], target: string): Fault {
  const last = faults.reduce((t, f) => Math.max(t, f.atMs), -1000);
  return { type: 'crash', atMs: last + 1000, target, durationMs: 5000 };
}

/** Parameters each type has besides time, target and duration, with their defaults when switching type. */
export const FAULT_PARAMS = {
  crash: {}, partition: {},
  slow: { factor: 3 }, slowDisk: { factor: 5 }, poison: { count: 1 },
  linkDelay: { addMs: 200, jitterMs: 0 }, linkLoss: { probability: 0.2 }, corrupt: { probability: 0.2 },
} as const satisfies Record<Fault['type'], Record<string, number>>;

export const EDGE_FAULT_TYPES: readonly Fault['type'][] = ['linkDelay', 'linkLoss', 'partition', 'corrupt'];


/**
 * The fault with another type: time, target, duration and `live` kept, the new type's parameters at their defaults.
 * An instant fault (poison) drops the duration it cannot have.
 */
export function switchFaultType(fault: Record<string, unknown>, type: Fault['type']): Record<string, unknown> {
  const { atMs, target, live } = fault;
  const durationMs = INSTANT_FAULT_TYPES.includes(type) ? undefined : fault.durationMs;
  return { type, atMs, target, ...(durationMs !== undefined ? { durationMs } : {}), ...(live !== undefined ? { live } : {}), ...FAULT_PARAMS[type] };
}
