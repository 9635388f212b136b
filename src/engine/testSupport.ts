import { expect } from 'vitest';
import { parseScenario, type Scenario, type ScenarioInput } from '../schema';
import type { MessageView, NodeReport, Simulation, Snapshot } from './api';
import { MessagePool } from './model/messagePool';

export type NodeInput = ScenarioInput['nodes'][number];
export type EdgeInput = NonNullable<ScenarioInput['edges']>[number];

/** Builds a valid scenario for tests from nodes and `source>target[:bindingKey]` edge strings. */
export function scenarioOf(nodes: NodeInput[], edges: (string | EdgeInput)[], extra: Partial<ScenarioInput> = {}): Scenario {
  const edgeInputs = edges.map((e, i): EdgeInput => {
    if (typeof e !== 'string') return e;
    const [pair, bindingKey] = e.split(':');
    const [source, target] = pair!.split('>');
    return { id: `e${i}`, source: source!, target: target!, config: bindingKey === undefined ? {} : { bindingKey } };
  });
  const r = parseScenario({ version: 3, durationMs: 10_000, ...extra, nodes, edges: edgeInputs });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

/** A producer that publishes the given routing keys at 1 ms intervals from t = 1 ms. */
export function scriptedProducer(id: string, keys: string[], extra: Record<string, unknown> = {}): NodeInput {
  return {
    id, kind: 'producer',
    config: { arrival: { type: 'script', messages: keys.map((routingKey, i) => ({ atMs: i + 1, routingKey, ...extra })) } },
  };
}

/** A producer's scripted arrival: `n` messages, the first at 1 ms, then every `gapMs`, each with `extra`. */
export function scriptEvery(n: number, gapMs: number, extra: Record<string, unknown> = {}) {
  return { type: 'script' as const, messages: Array.from({ length: n }, (_, i) => ({ atMs: 1 + i * gapMs, ...extra })) };
}

/** A numeric figure of a node's report (undefined when the report has no such field). */
export const reportNumber = (r: NodeReport | undefined, field: string): number => r?.[field] as number;

/** Every copy is acked, held somewhere or dropped with a reason. */
export function expectBalanced(snap: Snapshot): void {
  const m = snap.messages;
  expect(m.produced).toBe(m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped);
}

/**
 * `sim` (not yet run) with its message pool off: every message a new object, none reused. The reference a pooled
 * run must equal, in every figure and, when tracing, in every message the inspector shows.
 */
export function withoutPool(sim: Simulation): Simulation {
  const run = sim as unknown as { messages: MessagePool; tracing: boolean };
  run.messages = new MessagePool(run.tracing, false);
  return sim;
}

/** The simulation's message pool (tests only: it is no part of the Simulation interface). */
export const poolOf = (sim: Simulation): MessagePool => (sim as unknown as { messages: MessagePool }).messages;

/** Everything the inspector shows: each node's messages, each edge's last message and last reply. */
export function inspectEverything(sim: Simulation): { nodes: (MessageView[] | null)[]; edges: (MessageView | null)[] } {
  return {
    nodes: sim.nodeIds.map((id) => sim.inspectNode(id, 1e9)),
    edges: sim.edgeIds.flatMap((id) => [sim.inspectEdge(id, 'forward'), sim.inspectEdge(id, 'back')]),
  };
}
