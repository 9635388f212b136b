import type { Scenario, ScenarioEdge, ScenarioNode } from '../../schema';
import { edgeId, nextId } from './ids';

/** A piece of a document: some nodes and the edges between them (for copy, paste and duplicate). */
export interface Fragment { nodes: ScenarioNode[]; edges: ScenarioEdge[] }

/** The selected nodes and the edges whose both ends are selected. */
export function takeFragment(scenario: Scenario, nodeIds: readonly string[]): Fragment {
  const ids = new Set(nodeIds);
  return {
    nodes: scenario.nodes.filter((n) => ids.has(n.id)).map((n) => structuredClone(n)),
    edges: scenario.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => structuredClone(e)),
  };
}

/** Copies with fresh readable ids (`queue-3`), moved by `offset`; edges follow their nodes. */
export function copyFragment(fragment: Fragment, taken: ReadonlySet<string>, offset: { x: number; y: number }): Fragment {
  const used = new Set(taken);
  const rename = new Map<string, string>();
  const nodes = fragment.nodes.map((node) => {
    const id = nextId(node.kind, used);
    used.add(id);
    rename.set(node.id, id);
    return { ...structuredClone(node), id, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } };
  });
  const edges: ScenarioEdge[] = [];
  for (const edge of fragment.edges) {
    const source = rename.get(edge.source);
    const target = rename.get(edge.target);
    if (!source || !target) continue;
    const id = edgeId(source, target, used);
    used.add(id);
    edges.push({ ...structuredClone(edge), id, source, target });
  }
  return { nodes, edges };
}
