/**
 * Edits of the document's fault timeline (`scenario.faults`), each one undo step through the document
 * store, so a fault is saved, shared and replayed like any other part of the scenario.
 */
import { faultTargetType, INSTANT_FAULT_TYPES, LASTING_FAULTS, LINK_FAULTS, type Fault, type Scenario } from '../../schema';
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
 * What a fault of this kind can hit, for the timeline's target select: a node by its label (or id) and kind, "c1
 * (consumer)"; an edge by its ends, "producer-1 → orders-queue", with its id after them unless the id only says what it
 * joins (`a--b`, the app's `a-to-b`) and no other edge has those ends, so that a long name is not said twice. `current` is listed too when nothing has
 * it: "(missing)".
 */
export function targetChoices(scenario: Pick<Scenario, 'nodes' | 'edges'>, edgeFault: boolean, current: string): { value: string; label: string }[] {
  const ends = (e: { source: string; target: string }) => `${e.source} → ${e.target}`;
  const saysItAll = (e: Scenario['edges'][number]) => (e.id === `${e.source}--${e.target}` || e.id === `${e.source}-to-${e.target}`)
    && scenario.edges.filter((x) => ends(x) === ends(e)).length === 1; // two edges with the same ends: their ids tell them apart
  const choices = edgeFault
    ? scenario.edges.map((e) => ({ value: e.id, label: saysItAll(e) ? ends(e) : `${ends(e)} (${e.id})` }))
    : scenario.nodes.map((n) => ({ value: n.id, label: `${n.label || n.id} (${n.kind})` }));
  return choices.some((c) => c.value === current) ? choices : [{ value: current, label: `${current || '(choose)'} (missing)` }, ...choices];
}

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
