import { create } from 'zustand';
import type { MessageView } from '../../engine/api';
import { formatError, type ScenarioError } from '../../schema';

/**
 * A lesson link with the teacher's run, offered beside the lesson as written: its seed, the faults added to the
 * lesson's in words, and whether the canvas has other edits (which the link does not carry).
 */
export interface RunShareChoice { url: string; seed: number; faults: string[]; edited: boolean }

export type DialogSpec =
  | { type: 'errors'; title: string; intro: string; lines: string[] }
  | { type: 'share'; url: string; copied: boolean; /** What the link carries; a scenario when absent. */ subject?: 'scenario' | 'lesson'; withRun?: RunShareChoice }
  | { type: 'confirm'; title: string; message: string; confirmLabel: string; onConfirm: () => void }
  | { type: 'help' }
  | { type: 'examples' }
  | { type: 'message'; message: MessageView; where: string };

interface DialogState {
  dialog: DialogSpec | null;
  open: (dialog: DialogSpec) => void;
  close: () => void;
}

export const useDialogStore = create<DialogState>()((set) => ({
  dialog: null,
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
}));

export const openDialog = (dialog: DialogSpec) => useDialogStore.getState().open(dialog);

/** Shows a refused document's errors, one `path: message` line each. */
export function showScenarioErrors(title: string, intro: string, errors: readonly ScenarioError[]): void {
  openDialog({ type: 'errors', title, intro, lines: errors.map(formatError) });
}
