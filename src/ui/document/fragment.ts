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
  for (const node of nodes) renameReferences(node, rename);
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

/**
 * Points a copy's references at the copies of what was copied with it: router targets, a requester's
 * Return Address (A4), permission lists, hosting brokers. References to nodes outside the fragment stay;
 * pruneReferences then drops the ones the copy cannot keep (a router target it has no edge to).
 */
function renameReferences(node: ScenarioNode, rename: ReadonlyMap<string, string>): void {
  const to = (id: string) => rename.get(id) ?? id;
  const list = (ids: string[] | null) => (ids === null ? null : ids.map(to));
  switch (node.kind) {
    case 'router':
      node.config.rules = node.config.rules.map((r) => ({ ...r, to: r.to.map(to) }));
      node.config.otherwise = node.config.otherwise.map(to);
      break;
    case 'requester':
      if (node.config.replyTo !== null) node.config.replyTo = to(node.config.replyTo);
      break;
    case 'queue':
      if (node.config.permissions) node.config.permissions = { publish: list(node.config.permissions.publish), consume: list(node.config.permissions.consume) };
      if (node.config.brokers) node.config.brokers = node.config.brokers.map(to);
      break;
    case 'exchange':
      if (node.config.permissions) node.config.permissions = { publish: list(node.config.permissions.publish) };
      if (node.config.broker !== undefined) node.config.broker = to(node.config.broker);
      break;
    default:
      break;
  }
}
