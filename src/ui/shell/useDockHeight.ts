import { useCallback, useEffect, useState, type PointerEvent as ReactPointerEvent, type KeyboardEvent } from 'react';
import { clampDockHeight, dockHeight } from './dockHeight';

/** Where the splitter's position is kept; written only when the user moves it, so until then the default follows the window. */
const KEY = 'brokerlab.dockHeight';
const saved = (): number | null => {
  const text = localStorage.getItem(KEY);
  return text === null ? null : Number(text);
};

/** The dock's height, dragged by the splitter above it (or moved with the arrow keys) and remembered. */
export function useDockHeight() {
  const [height, setHeight] = useState(() => dockHeight(window.innerHeight, saved()));
  // A resized window: the default takes its share of the new height, a dragged height stays within the new bounds.
  useEffect(() => {
    const resize = () => setHeight(dockHeight(window.innerHeight, saved()));
    window.addEventListener('resize', resize);
    return () => window.removeEventListener('resize', resize);
  }, []);
  const apply = useCallback((h: number) => {
    const next = clampDockHeight(window.innerHeight, h);
    setHeight(next);
    localStorage.setItem(KEY, String(next));
  }, []);
  const onPointerDown = useCallback((e: ReactPointerEvent<HTMLElement>) => {
    e.preventDefault();
    const startY = e.clientY;
    const startH = height;
    const move = (ev: PointerEvent) => apply(startH + startY - ev.clientY);
    const up = () => { window.removeEventListener('pointermove', move); window.removeEventListener('pointerup', up); };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }, [height, apply]);
  const onKeyDown = useCallback((e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'ArrowUp') apply(height + 24);
    if (e.key === 'ArrowDown') apply(height - 24);
  }, [height, apply]);
  return { height, onPointerDown, onKeyDown };
}
