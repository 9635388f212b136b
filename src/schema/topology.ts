import { connectionRole, explainRefusedConnection } from './connections';
import { kindSpec } from './nodeKinds';

/** A problem found across the document, before it becomes a ScenarioError. */
export interface TopologyIssue { code: string; path: (string | number)[]; message: string }

interface LooseNode { id?: unknown; kind?: unknown }
interface LooseEdge { id?: unknown; source?: unknown; target?: unknown; config?: { bindingKey?: unknown; routingKey?: unknown } }
/** Works on a fully parsed document and on a raw one whose other parts failed, so every error shows at once. */
export interface LooseTopology { nodes?: unknown; edges?: unknown }

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = <T>(v: unknown): T | undefined => (typeof v === 'object' && v !== null ? (v as T) : undefined);

/** Checks that need the whole document: unique ids, edges between existing nodes that may connect. */
export function topologyIssues(doc: LooseTopology): TopologyIssue[] {
  const issues: TopologyIssue[] = [];
  const kinds = new Map<string, string>();
  list(doc.nodes).forEach((raw, i) => {
    const node = obj<LooseNode>(raw);
    const id = str(node?.id);
    if (id === undefined) return;
    if (kinds.has(id)) issues.push({ code: 'duplicate_id', path: ['nodes', i, 'id'], message: `duplicate node id "${id}"` });
    else kinds.set(id, str(node?.kind) ?? '');
  });
  const edgeIds = new Set<string>();
  const outputs = new Map<string, number>();
  const pairs = new Set<string>();
  list(doc.edges).forEach((raw, i) => {
    const edge = obj<LooseEdge>(raw);
    if (!edge) return;
    const id = str(edge.id);
    if (id !== undefined && (edgeIds.has(id) || kinds.has(id))) issues.push({ code: 'duplicate_id', path: ['edges', i, 'id'], message: `duplicate id "${id}"` });
    if (id !== undefined) edgeIds.add(id);
    const source = str(edge.source);
    const target = str(edge.target);
    const sourceKind = source === undefined ? undefined : kinds.get(source);
    const targetKind = target === undefined ? undefined : kinds.get(target);
    if (source !== undefined && sourceKind === undefined) issues.push({ code: 'missing_node', path: ['edges', i, 'source'], message: `no node has id "${source}"` });
    if (target !== undefined && targetKind === undefined) issues.push({ code: 'missing_node', path: ['edges', i, 'target'], message: `no node has id "${target}"` });
    if (source === undefined || target === undefined || sourceKind === undefined || targetKind === undefined) return;
    if (!kindSpec(sourceKind) || !kindSpec(targetKind)) return; // an unknown kind is reported on the node
    issues.push(...edgeIssues(edge, i, { id: source, kind: sourceKind }, { id: target, kind: targetKind }));
    const pair = `${source}\u0000${target}\u0000${str(edge.config?.bindingKey) ?? ''}`;
    if (pairs.has(pair)) issues.push({ code: 'duplicate_edge', path: ['edges', i], message: `the same connection from "${source}" to "${target}" already exists` });
    pairs.add(pair);
    const count = (outputs.get(source) ?? 0) + 1;
    outputs.set(source, count);
    const max = kindSpec(sourceKind)?.ports.maxOutputs;
    if (max != null && count > max) {
      issues.push({ code: 'too_many_outputs', path: ['edges', i], message: `${sourceKind} "${source}" may have at most ${max} outgoing edge${max === 1 ? '' : 's'}` });
    }
  });
  return issues;
}

interface End { id: string; kind: string }

function edgeIssues(edge: LooseEdge, i: number, source: End, target: End): TopologyIssue[] {
  if (source.id === target.id) return [{ code: 'bad_connection', path: ['edges', i], message: `a node cannot connect to itself ("${source.id}")` }];
  const role = connectionRole(source.kind, target.kind);
  if (role === null) return [{ code: 'bad_connection', path: ['edges', i], message: explainRefusedConnection(source.kind, target.kind) }];
  const issues: TopologyIssue[] = [];
  if (edge.config?.bindingKey !== undefined && role !== 'bind') {
    issues.push({ code: 'misplaced_field', path: ['edges', i, 'config', 'bindingKey'], message: 'a binding key belongs on an edge from an exchange to a queue' });
  }
  if (edge.config?.routingKey !== undefined && role !== 'publish') {
    issues.push({ code: 'misplaced_field', path: ['edges', i, 'config', 'routingKey'], message: 'a routing key belongs on a publish edge (from a producer or consumer)' });
  }
  return issues;
}
