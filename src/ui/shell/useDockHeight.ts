import { useCallback, useState, type PointerEvent as ReactPointerEvent, type KeyboardEvent } from 'react';

const KEY = 'brokerlab.dockHeight';
const MIN = 120;
const maxHeight = () => Math.max(MIN, Math.round(window.innerHeight * 0.6));
const initial = () => {
  const saved = Number(localStorage.getItem(KEY));
  const fallback = window.innerHeight < 800 ? 200 : 260;
  return Math.min(maxHeight(), Math.max(MIN, Number.isFinite(saved) && saved > 0 ? saved : fallback));
};

/** The dock's height, dragged by the splitter above it (or moved with the arrow keys) and remembered. */
export function useDockHeight() {
  const [height, setHeight] = useState(initial);
  const apply = useCallback((h: number) => {
    const next = Math.min(maxHeight(), Math.max(MIN, Math.round(h)));
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
