/**
 * Edits of the document's fault timeline (`scenario.faults`), each one undo step through the document
 * store, so a fault is saved, shared and replayed like any other part of the scenario.
 */
import { faultTargetType, INSTANT_FAULT_TYPES, LASTING_FAULTS, LINK_FAULTS, type Fault } from '../../schema';
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

/** Numeric parameters each type has besides time, target and duration, with their defaults when switching type. */
export const FAULT_PARAMS = {
  crash: {}, partition: {}, heal: {},
  slow: { factor: 3 }, slowDisk: { factor: 5 }, poison: { count: 1 },
  linkDelay: { addMs: 200, jitterMs: 0 }, linkLoss: { probability: 0.2 }, corrupt: { probability: 0.2 },
} as const satisfies Record<Fault['type'], Record<string, number>>;

export const EDGE_FAULT_TYPES: readonly string[] = LINK_FAULTS;

/** Whether a fault (a heal: the type it ends) hits an edge rather than a node. */
export const hitsEdge = (f: { type?: unknown; of?: unknown }): boolean => EDGE_FAULT_TYPES.includes(faultTargetType({ type: String(f.type), of: f.of }));


/**
 * The fault with another type: time, target, duration and `live` kept, the new type's parameters at their defaults.
 * An instant fault (poison, heal) drops the duration it cannot have; a heal ends what the fault was (crash: a restart).
 */
export function switchFaultType(fault: Record<string, unknown>, type: Fault['type']): Record<string, unknown> {
  const { atMs, target, live } = fault;
  const durationMs = INSTANT_FAULT_TYPES.includes(type) ? undefined : fault.durationMs;
  const was = String(fault.type);
  const of = type === 'heal' ? { of: (LASTING_FAULTS as readonly string[]).includes(was) ? was : 'crash' } : {};
  return { type, atMs, target, ...(durationMs !== undefined ? { durationMs } : {}), ...(live !== undefined ? { live } : {}), ...of, ...FAULT_PARAMS[type] };
}
