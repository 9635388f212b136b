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
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || useDialogStore.getState().dialog) return;
      const presenter = usePresenterStore.getState();
      // Esc also clears the canvas selection (the editor's shortcut, which marks the event handled): leave anyway.
      if (e.key === 'Escape') { if (presenter.on) presenter.leave(); return; }
      if (e.defaultPrevented || (e.key !== 'p' && e.key !== 'P')) return;
      e.preventDefault();
      presenter.toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
