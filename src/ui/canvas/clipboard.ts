import { getScenario, useDocumentStore } from '../document/documentStore';
import { takeFragment, type Fragment } from '../document/fragment';
import { notify } from '../notify/notifyStore';
import { useViewStore } from '../view/viewStore';

const PASTE_STEP = 32;

/** The in-app clipboard: a fragment of the document, pasted with fresh ids, each paste a little further along. */
let copied: { fragment: Fragment; pastes: number } | null = null;

function selectedFragment(): Fragment | null {
  const ids = useViewStore.getState().selectedNodeIds;
  if (ids.length === 0) return null;
  return takeFragment(getScenario(), ids);
}

function pasteFragment(fragment: Fragment, times: number): void {
  const offset = { x: PASTE_STEP * times, y: PASTE_STEP * times };
  const ids = useDocumentStore.getState().paste(fragment, offset);
  useViewStore.getState().setSelection(ids, []);
}

export function copySelection(): void {
  const fragment = selectedFragment();
  if (!fragment) return;
  copied = { fragment, pastes: 0 };
  notify(`Copied ${fragment.nodes.length} node${fragment.nodes.length === 1 ? '' : 's'}`);
}

export function pasteClipboard(): void {
  if (!copied) return;
  copied.pastes += 1;
  pasteFragment(copied.fragment, copied.pastes);
}

export function duplicateSelection(): void {
  const fragment = selectedFragment();
  if (fragment) pasteFragment(fragment, 1);
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
