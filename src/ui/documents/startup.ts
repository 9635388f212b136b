import { showScenarioErrors } from '../dialogs/dialogStore';
import { useDocumentStore } from '../document/documentStore';
import { AUTOSAVE_KEY, restoreAutosave } from './autosave';

const CORRUPT_KEY = `${AUTOSAVE_KEY}.corrupt`;
import { decodeShareHash } from './shareLink';

/**
 * Picks the first document: a share link in the URL wins over the autosaved one.
 * A bad link or a corrupt autosave shows its errors and falls back, never crashes.
 */
export function loadInitialDocument(): void {
  const store = useDocumentStore.getState();
  const restored = restoreAutosave(localStorage);
  if (restored.kind === 'restored') store.replaceScenario(restored.scenario, { resetHistory: true });
  const shared = decodeShareHash(window.location.hash);
  if (shared) {
    history.replaceState(null, '', window.location.pathname + window.location.search);
    if (shared.ok) store.replaceScenario(shared.scenario, { resetHistory: true });
    else showScenarioErrors('This share link holds an invalid scenario', 'The link was not opened; you are looking at your previous document. Problems:', shared.errors);
    return;
  }
  if (restored.kind === 'corrupt') {
    // The next autosave overwrites the entry: keep the broken text where a person can still recover it.
    const text = localStorage.getItem(AUTOSAVE_KEY);
    if (text !== null) localStorage.setItem(CORRUPT_KEY, text);
    showScenarioErrors('The autosaved document could not be restored',
      `Brokerlab started with an empty document instead; the broken copy is kept in localStorage under "${CORRUPT_KEY}". Its problems:`, restored.errors);
  }
}
