import { useEffect } from 'react';
import { showScenarioErrors } from '../dialogs/dialogStore';
import { loadScenario } from '../documents/loadDocument';
import { decodeLessonRunHash } from '../documents/lessonRunLink';
import { decodeLessonHash, decodeShareHash } from '../documents/shareLink';
import { openLessonLink } from '../lessons/openLesson';

/** Opens a lesson link in the hash (`#lesson=`, `#lesson-data=` or `#lesson-run=`); false when the hash holds none. */
function openLessonHash(): boolean {
  const link = decodeLessonRunHash(window.location.hash) ?? decodeLessonHash(window.location.hash);
  if (!link) return false;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  openLessonLink(link);
  return true;
}

/**
 * A share link pasted into this tab's address bar only changes the hash: open it too. A lesson link is
 * also opened when the app starts with one (startup only reads scenario links).
 */
export function useShareLinkNavigation(): void {
  useEffect(() => {
    openLessonHash();
    const onHash = () => {
      if (openLessonHash()) return;
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
