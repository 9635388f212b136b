import { create } from 'zustand';

/** A counter the canvas watches: bumping it asks the canvas to fit the whole document into view. */
export const useFitViewRequest = create<{ n: number }>()(() => ({ n: 0 }));

export function requestFitView(): void {
  useFitViewRequest.setState((s) => ({ n: s.n + 1 }));
}
