import { useEffect, type RefObject } from 'react';
import { requestFitView } from '../view/fitView';

/** A projector changing resolution resizes the window in steps: fit once the size has settled. */
const SETTLE_MS = 120;

/**
 * Refits the canvas whenever its box changes size (a window resize, a projector's new resolution, the
 * strip below growing), and once on mount: the canvas's own fit on open sees only the nodes, this one
 * the reply loops around them too (loopRoom.ts), whose curves are drawn only after the nodes.
 */
export function useRefitOnResize(box: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let last: { w: number; h: number } | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const size = { w: Math.round(entry.contentRect.width), h: Math.round(entry.contentRect.height) };
      const same = last !== null && last.w === size.w && last.h === size.h;
      last = size;
      if (same) return;
      clearTimeout(timer);
      timer = setTimeout(requestFitView, SETTLE_MS);
    });
    observer.observe(el);
    return () => { observer.disconnect(); clearTimeout(timer); };
  }, [box]);
}
