import { useEffect, type RefObject } from 'react';
import { requestFitView } from '../view/fitView';

/** A projector changing resolution resizes the window in steps: fit once the size has settled. */
const SETTLE_MS = 120;

/**
 * Refits the canvas whenever its box changes size (a window resize, a projector's new resolution, the
 * strip below growing) or a node does (a badge appearing during the run: the reply loops around a taller
 * node move and could leave the view), and once on mount: the canvas's own fit on open sees only the
 * nodes, this one the reply loops around them too (loopRoom.ts), whose curves are drawn only after the nodes.
 */
export function useRefitOnResize(box: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const last = new WeakMap<Element, string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const size = `${Math.round(entry.contentRect.width)}x${Math.round(entry.contentRect.height)}`;
        if (last.get(entry.target) !== size) changed = true;
        last.set(entry.target, size);
      }
      if (!changed) return;
      clearTimeout(timer);
      timer = setTimeout(requestFitView, SETTLE_MS);
    });
    observer.observe(el);
    // Nodes: those there now and any the canvas adds (observing one twice is harmless: the sizes decide).
    const observeNodes = () => el.querySelectorAll('.react-flow__node').forEach((node) => observer.observe(node));
    observeNodes();
    const added = new MutationObserver(observeNodes);
    const nodes = el.querySelector('.react-flow__nodes');
    added.observe(nodes ?? el, { childList: true, subtree: nodes === null });
    return () => { observer.disconnect(); added.disconnect(); clearTimeout(timer); };
  }, [box]);
}
