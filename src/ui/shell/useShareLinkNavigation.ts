import { useEffect } from 'react';
import { showScenarioErrors } from '../dialogs/dialogStore';
import { loadScenario } from '../documents/loadDocument';
import { decodeShareHash } from '../documents/shareLink';

/** A share link pasted into this tab's address bar only changes the hash: open it too. */
export function useShareLinkNavigation(): void {
  useEffect(() => {
    const onHash = () => {
      const shared = decodeShareHash(window.location.hash);
      if (!shared) return;
      history.replaceState(null, '', window.location.pathname + window.location.search);
      if (shared.ok) loadScenario(shared.scenario, 'a share link');
      else showScenarioErrors('This share link holds an invalid scenario', 'The current document was kept. Problems:', shared.errors);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
}
