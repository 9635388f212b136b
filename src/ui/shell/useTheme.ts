import { useEffect } from 'react';
import { useViewStore } from '../view/viewStore';

/** Puts the theme on <html data-theme>, where the CSS variables switch. */
export function useTheme(): void {
  const theme = useViewStore((s) => s.theme);
  useEffect(() => { document.documentElement.dataset.theme = theme; }, [theme]);
}
