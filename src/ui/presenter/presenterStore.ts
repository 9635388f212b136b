import { create } from 'zustand';
import { MIN_LABEL_PX } from './presenterLabels';

interface PresenterState {
  on: boolean;
  toggle(): void;
  leave(): void;
  /** The edge labels' type in the presenter (presenterLabels.ts), set by usePresenterScale for the topology on the canvas. */
  labelPx: number;
  setLabelPx(px: number): void;
}

/** Whether the app shows the presenter view (canvas, one chart, checks, large type) instead of the editor. */
export const usePresenterStore = create<PresenterState>()((set) => ({
  on: false,
  toggle: () => set((s) => ({ on: !s.on })),
  leave: () => set({ on: false }),
  labelPx: MIN_LABEL_PX,
  setLabelPx: (labelPx) => set({ labelPx }),
}));
