import { useEffect } from 'react';
import { copySelection, deleteSelection, duplicateSelection, pasteClipboard, selectAll } from '../canvas/clipboard';
import { openDialog, useDialogStore } from '../dialogs/dialogStore';
import { redo, undo } from '../document/documentStore';
import { requestFitView } from '../view/fitView';
import { useViewStore } from '../view/viewStore';

/** Typing in a field must never delete nodes or undo the document. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function commandFor(e: KeyboardEvent): (() => void) | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && key === 'z') return e.shiftKey ? redo : undo;
  if (mod && key === 'y') return redo;
  if (mod && key === 'c') return copySelection;
  if (mod && key === 'v') return pasteClipboard;
  if (mod && key === 'd') return duplicateSelection;
  if (mod && key === 'a') return selectAll;
  if (mod || e.altKey) return null;
  if (key === 'delete' || key === 'backspace') return deleteSelection;
  if (key === 'f') return requestFitView;
  if (e.key === '?') return () => openDialog({ type: 'help' });
  if (key === 'escape') return () => useViewStore.getState().clearSelection();
  return null;
}

/** The editor's shortcuts on the window; they stay out of the way of form fields and open dialogs. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || useDialogStore.getState().dialog) return;
      const command = commandFor(e);
      if (!command) return;
      e.preventDefault();
      command();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
