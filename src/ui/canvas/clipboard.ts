import { getScenario, useDocumentStore } from '../document/documentStore';
import { takeFragment, type Fragment } from '../document/fragment';
import { notify } from '../notify/notifyStore';
import { useViewStore } from '../view/viewStore';
import { useFlowStore } from './flowStore';
import { pasteOffset, type Box } from './pastePlace';

/** A node's size before the canvas has measured it (a typical queue or consumer), flow units. */
const NOMINAL = { width: 240, height: 110 };

/** The in-app clipboard: a fragment of the document, pasted with fresh ids below the nodes copied (pastePlace.ts). */
let copied: Fragment | null = null;

function selectedFragment(): Fragment | null {
  const ids = useViewStore.getState().selectedNodeIds;
  if (ids.length === 0) return null;
  return takeFragment(getScenario(), ids);
}

/** Each node's box: its position in the document, its size as the canvas measured it. */
function boxesOf(nodes: readonly { id: string; position: { x: number; y: number } }[]): Box[] {
  const measured = new Map(useFlowStore.getState().nodes.map((n) => [n.id, n.measured]));
  return nodes.map((n) => {
    const m = measured.get(n.id);
    return { ...n.position, width: m?.width ?? NOMINAL.width, height: m?.height ?? NOMINAL.height };
  });
}

function pasteFragment(fragment: Fragment): void {
  const offset = pasteOffset(boxesOf(fragment.nodes), boxesOf(getScenario().nodes));
  const ids = useDocumentStore.getState().paste(fragment, offset);
  useViewStore.getState().setSelection(ids, []);
}

export function copySelection(): void {
  const fragment = selectedFragment();
  if (!fragment) return;
  copied = fragment;
  notify(`Copied ${fragment.nodes.length} node${fragment.nodes.length === 1 ? '' : 's'}`);
}

export function pasteClipboard(): void {
  if (copied) pasteFragment(copied);
}

export function duplicateSelection(): void {
  const fragment = selectedFragment();
  if (fragment) pasteFragment(fragment);
}

export function deleteSelection(): void {
  const { selectedNodeIds, selectedEdgeIds, clearSelection } = useViewStore.getState();
  if (selectedNodeIds.length === 0 && selectedEdgeIds.length === 0) return;
  useDocumentStore.getState().removeElements(selectedNodeIds, selectedEdgeIds);
  clearSelection();
}

export function selectAll(): void {
  const scenario = getScenario();
  useViewStore.getState().setSelection(scenario.nodes.map((n) => n.id), scenario.edges.map((e) => e.id));
}
