import { useStore } from 'zustand';
import { redo, undo, useDocumentStore } from '../document/documentStore';
import { RedoIcon, UndoIcon } from '../icons/icons';

export function UndoButtons() {
  const canUndo = useStore(useDocumentStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useDocumentStore.temporal, (s) => s.futureStates.length > 0);
  return (
    <div className="doc-menu" role="group" aria-label="History">
      <button type="button" className="btn btn-icon" onClick={undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)"><UndoIcon /></button>
      <button type="button" className="btn btn-icon" onClick={redo} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)"><RedoIcon /></button>
    </div>
  );
}
