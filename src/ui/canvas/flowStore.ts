import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import { useDocumentStore } from '../document/documentStore';
import { useViewStore } from '../view/viewStore';
import type { KindNode, MessageEdge } from './flowTypes';
import { toFlowEdges, toFlowNodes } from './toFlow';

interface FlowState {
  nodes: KindNode[];
  edges: MessageEdge[];
  /** The presenter's spread of the columns (1 in the editor): drawn x = document x × xScale. */
  xScale: number;
}

/**
 * What React Flow draws: the document plus what only the canvas knows (measured sizes, a drag in progress).
 * The document store stays the truth; selection lives in the view store.
 */
export const useFlowStore = create<FlowState>()(() => ({ nodes: [], edges: [], xScale: 1 }));

function sync(): void {
  const { scenario } = useDocumentStore.getState();
  const view = useViewStore.getState();
  const { nodes, edges, xScale } = useFlowStore.getState();
  useFlowStore.setState({
    nodes: toFlowNodes(scenario, nodes, new Set(view.selectedNodeIds), xScale),
    edges: toFlowEdges(scenario, edges, new Set(view.selectedEdgeIds)),
  });
}

/** Draws the document's x positions times `xScale` (the presenter's stretch), from now until set back to 1. */
export function setFlowXScale(xScale: number): void {
  if (useFlowStore.getState().xScale === xScale) return;
  useFlowStore.setState({ xScale });
  sync();
}

/** After undo or a delete, forget selected ids the document no longer has. */
function pruneSelection(): void {
  const { scenario } = useDocumentStore.getState();
  const view = useViewStore.getState();
  const nodes = new Set(scenario.nodes.map((n) => n.id));
  const edges = new Set(scenario.edges.map((e) => e.id));
  view.setSelection(view.selectedNodeIds.filter((id) => nodes.has(id)), view.selectedEdgeIds.filter((id) => edges.has(id)));
}

/** Keeps the canvas in step with the document and the selection; returns the unsubscribe. */
export function startFlowSync(): () => void {
  sync();
  const offDoc = useDocumentStore.subscribe((s, prev) => {
    if (s.scenario === prev.scenario) return;
    pruneSelection();
    sync();
  });
  const offView = useViewStore.subscribe((s, prev) => {
    if (s.selectedNodeIds !== prev.selectedNodeIds || s.selectedEdgeIds !== prev.selectedEdgeIds) sync();
  });
  return () => { offDoc(); offView(); };
}

function applySelection<T extends { id: string }>(current: readonly string[], changes: readonly (NodeChange | EdgeChange)[]): string[] {
  const ids = new Set(current);
  for (const c of changes) {
    if (c.type !== 'select') continue;
    if (c.selected) ids.add(c.id);
    else ids.delete(c.id);
  }
  return [...ids] as T['id'][];
}

/** Selection goes to the view store; sizes and drag positions stay here; removal is the document's job. */
export function onNodesChange(changes: NodeChange<KindNode>[]): void {
  const view = useViewStore.getState();
  if (changes.some((c) => c.type === 'select')) {
    view.setSelection(applySelection(view.selectedNodeIds, changes), view.selectedEdgeIds);
  }
  const local = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
  if (local.length > 0) useFlowStore.setState((s) => ({ nodes: applyNodeChanges(local, s.nodes) }));
}

export function onEdgesChange(changes: EdgeChange<MessageEdge>[]): void {
  const view = useViewStore.getState();
  if (changes.some((c) => c.type === 'select')) {
    view.setSelection(view.selectedNodeIds, applySelection(view.selectedEdgeIds, changes));
  }
  const local = changes.filter((c) => c.type !== 'select' && c.type !== 'remove');
  if (local.length > 0) useFlowStore.setState((s) => ({ edges: applyEdgeChanges(local, s.edges) }));
}
