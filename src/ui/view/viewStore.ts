import { create } from 'zustand';

export type Theme = 'light' | 'dark';

export interface ViewState {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  theme: Theme;
  setSelection: (nodeIds: string[], edgeIds: string[]) => void;
  clearSelection: () => void;
  setTheme: (theme: Theme) => void;
  toggleTheme: () => void;
}

const THEME_KEY = 'brokerlab.theme';

function initialTheme(): Theme {
  if (typeof localStorage === 'undefined') return 'light';
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  return prefersDark ? 'dark' : 'light';
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export const useViewStore = create<ViewState>()((set, get) => ({
  selectedNodeIds: [],
  selectedEdgeIds: [],
  theme: initialTheme(),
  setSelection: (nodeIds, edgeIds) => {
    const s = get();
    if (sameIds(s.selectedNodeIds, nodeIds) && sameIds(s.selectedEdgeIds, edgeIds)) return;
    set({ selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds });
  },
  clearSelection: () => get().setSelection([], []),
  setTheme: (theme) => {
    if (typeof localStorage !== 'undefined') localStorage.setItem(THEME_KEY, theme);
    set({ theme });
  },
  toggleTheme: () => get().setTheme(get().theme === 'light' ? 'dark' : 'light'),
}));
