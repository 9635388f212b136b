import { create } from 'zustand';
import type { ScenarioError } from '../../schema';

/**
 * An edit the document refused: the inspector keeps showing it (with its errors) so nothing typed is lost,
 * while the document store keeps the last valid version. It applies only while `base` is still the stored value.
 */
interface DraftState {
  target: string | null;
  base: unknown;
  draft: unknown;
  errors: ScenarioError[];
  keep: (target: string, base: unknown, draft: unknown, errors: ScenarioError[]) => void;
  drop: () => void;
}

export const useDraftStore = create<DraftState>()((set) => ({
  target: null,
  base: null,
  draft: null,
  errors: [],
  keep: (target, base, draft, errors) => set({ target, base, draft, errors }),
  drop: () => set({ target: null, base: null, draft: null, errors: [] }),
}));
