import { create } from 'zustand';

interface PresenterState {
  on: boolean;
  toggle(): void;
  leave(): void;
}

/** Whether the app shows the presenter view (canvas, one chart, checks, large type) instead of the editor. */
export const usePresenterStore = create<PresenterState>()((set) => ({
  on: false,
  toggle: () => set((s) => ({ on: !s.on })),
  leave: () => set({ on: false }),
}));
