import { topologyWarnings, type Scenario, type ScenarioWarning } from '../../schema';
import { useDocumentStore } from './documentStore';

type ByNode = ReadonlyMap<string, readonly ScenarioWarning[]>;

const NONE: readonly ScenarioWarning[] = Object.freeze([]);
/** Worked out once per document version: every edit makes a new scenario object, nothing else does. */
const byScenario = new WeakMap<Scenario, ByNode>();
/** The last lists handed out: a node whose warnings read the same keeps its list, so it does not re-render. */
let previous: ByNode = new Map();

const sameWarnings = (a: readonly ScenarioWarning[], b: readonly ScenarioWarning[]) =>
  a.length === b.length && a.every((w, i) => w.code === b[i]!.code && w.path === b[i]!.path && w.message === b[i]!.message);

/** Each node's warnings in `scenario` (topologyWarnings, e.g. a responder whose replies go nowhere, A4). */
export function warningsByNode(scenario: Scenario): ByNode {
  const cached = byScenario.get(scenario);
  if (cached) return cached;
  const grouped = new Map<string, ScenarioWarning[]>();
  for (const w of topologyWarnings(scenario)) {
    if (!grouped.has(w.nodeId)) grouped.set(w.nodeId, []);
    grouped.get(w.nodeId)!.push(w);
  }
  const map = new Map([...grouped].map(([id, list]) => {
    const old = previous.get(id);
    return [id, old && sameWarnings(old, list) ? old : list] as const;
  }));
  previous = map;
  byScenario.set(scenario, map);
  return map;
}

export function nodeWarnings(scenario: Scenario, id: string): readonly ScenarioWarning[] {
  return warningsByNode(scenario).get(id) ?? NONE;
}

/** The warnings about node `id` in the current document: the same list until they change, so a memoised node re-renders only then. */
export function useNodeWarnings(id: string): readonly ScenarioWarning[] {
  return useDocumentStore((s) => nodeWarnings(s.scenario, id));
}
