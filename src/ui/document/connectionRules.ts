import { connectionRole, explainRefusedConnection, kindSpec, type Scenario } from '../../schema';

/**
 * Why a new edge `source` → `target` would be refused by the schema, or null when it is allowed.
 * The same rules as src/schema/topology.ts, asked before the edge exists so the canvas can say why.
 */
export function refuseConnection(scenario: Scenario, source: string, target: string, bindingKey?: string): string | null {
  const from = scenario.nodes.find((n) => n.id === source);
  const to = scenario.nodes.find((n) => n.id === target);
  if (!from) return `no node has id "${source}"`;
  if (!to) return `no node has id "${target}"`;
  if (source === target) return `a node cannot connect to itself ("${source}")`;
  if (connectionRole(from.kind, to.kind) === null) return explainRefusedConnection(from.kind, to.kind);
  const duplicate = scenario.edges.some((e) => e.source === source && e.target === target && (e.config.bindingKey ?? '') === (bindingKey ?? ''));
  if (duplicate) return `the same connection from "${source}" to "${target}" already exists`;
  const max = kindSpec(from.kind)?.ports.maxOutputs;
  const outputs = scenario.edges.filter((e) => e.source === source).length;
  if (max != null && outputs >= max) {
    return `${from.kind} "${source}" may have at most ${max} outgoing edge${max === 1 ? '' : 's'}; remove its edge first`;
  }
  return null;
}
