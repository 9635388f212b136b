import { create } from 'zustand';

export type Tone = 'error' | 'info' | 'success';
export interface Toast { id: number; tone: Tone; text: string }

interface NotifyState {
  toasts: Toast[];
  notify: (text: string, tone?: Tone) => void;
  dismiss: (id: number) => void;
}

const SHOW_MS = { error: 8000, info: 4000, success: 3000 } as const;
let nextToastId = 1;

/** Short messages beside the dock's tabs (toasts.css); an error stays longer. The newest of an equal text replaces the old. */
export const useNotifyStore = create<NotifyState>()((set, get) => ({
  toasts: [],
  notify: (text, tone = 'info') => {
    const id = nextToastId++;
    set({ toasts: [...get().toasts.filter((t) => t.text !== text), { id, tone, text }].slice(-4) });
    setTimeout(() => get().dismiss(id), SHOW_MS[tone]);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

export const notify = (text: string, tone?: Tone) => useNotifyStore.getState().notify(text, tone);
