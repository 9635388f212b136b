import { MarkerType } from '@xyflow/react';
import { edgeRole, type Scenario, type ScenarioNode } from '../../schema';
import { delayWays } from './edgeDelay';
import { edgeLabel } from './edgeLabels';
import type { KindNode, MessageEdge } from './flowTypes';
import { INVALID_HANDLE } from './handles';

const ARROW = { type: MarkerType.ArrowClosed, width: 16, height: 16, color: 'var(--edge)' };
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Canvas nodes for the document, keeping what React Flow measured and what is being dragged.
 * A node whose document entry did not change keeps its `data` object, so its memoised component does not re-render.
 */
export function toFlowNodes(scenario: Scenario, previous: readonly KindNode[], selected: ReadonlySet<string>, xScale = 1): KindNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return scenario.nodes.map((node: ScenarioNode): KindNode => {
    const old = byId.get(node.id);
    const data = old && old.type === node.kind && sameJson(old.data.node, node) ? old.data : { node };
    // xScale: the presenter spreads the columns of a tall topology (presenterScale.ts); the document keeps its own.
    const drawn = xScale === 1 ? node.position : { x: node.position.x * xScale, y: node.position.y };
    const position = old?.dragging ? old.position : drawn;
    const isSelected = selected.has(node.id);
    const samePosition = old !== undefined && old.position.x === position.x && old.position.y === position.y;
    if (old && old.data === data && samePosition && old.selected === isSelected) return old;
    return { ...old, id: node.id, type: node.kind, position, data, selected: isSelected };
  });
}

export function toFlowEdges(scenario: Scenario, previous: readonly MessageEdge[], selected: ReadonlySet<string>): MessageEdge[] {
  const kinds = new Map(scenario.nodes.map((n) => [n.id, n]));
  const byId = new Map(previous.map((e) => [e.id, e]));
  return scenario.edges.map((edge): MessageEdge => {
    const source = kinds.get(edge.source);
    const target = kinds.get(edge.target);
    const role = (source && target && edgeRole(source.kind, target.kind, edge.config)) || 'publish';
    const exchangeType = source?.kind === 'exchange' ? source.config.type : undefined;
    const old = byId.get(edge.id);
    const fresh = { edge, role, exchangeType, label: edgeLabel(edge, scenario), delayWays: delayWays(role, target) };
    const data = old?.data && sameJson(old.data, fresh) ? old.data : fresh;
    const isSelected = selected.has(edge.id);
    if (old && old.data === data && old.selected === isSelected) return old;
    const sourceHandle = edge.config.channel === 'invalid' ? INVALID_HANDLE : null;
    return { id: edge.id, source: edge.source, target: edge.target, sourceHandle, type: 'message', data, selected: isSelected, markerEnd: ARROW };
  });
}
