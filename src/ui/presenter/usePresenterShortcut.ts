import { useEffect } from 'react';
import { useDialogStore } from '../dialogs/dialogStore';
import { usePresenterStore } from './presenterStore';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** P toggles the presenter view; Esc leaves it. Never while typing or with a dialog open. */
export function usePresenterShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || useDialogStore.getState().dialog) return;
      const presenter = usePresenterStore.getState();
      if (e.key === 'p' || e.key === 'P') { e.preventDefault(); presenter.toggle(); return; }
      if (e.key === 'Escape' && presenter.on) presenter.leave();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
