import { useEffect } from 'react';
import { useDocumentStore } from '../document/documentStore';
import { notify } from '../notify/notifyStore';
import { debounce, writeAutosave } from './autosave';

const AUTOSAVE_DELAY_MS = 400;

/** Saves the document to localStorage a moment after each change, and when the page is hidden. */
export function useAutosave(): void {
  useEffect(() => {
    let lastError: string | null = null;
    const saver = debounce((scenario: Parameters<typeof writeAutosave>[1]) => {
      const error = writeAutosave(localStorage, scenario);
      if (error && error !== lastError) notify(error, 'error');
      lastError = error;
    }, AUTOSAVE_DELAY_MS);
    const unsubscribe = useDocumentStore.subscribe((s, prev) => { if (s.scenario !== prev.scenario) saver.push(s.scenario); });
    const onHide = () => saver.flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      unsubscribe();
      saver.flush();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, []);
}
