import { useEffect, type RefObject } from 'react';
import { requestFitView } from '../view/fitView';
import { contentFits } from './contentFits';

/** A projector changing resolution resizes the window in steps: fit once the size has settled. */
const SETTLE_MS = 120;

/**
 * Refits the canvas whenever its box changes size (a window resize, a projector's new resolution, the
 * strip below growing), and once on mount: the canvas's own fit on open sees only the nodes, this one the
 * reply loops around them too (loopRoom.ts), whose curves are drawn only after the nodes.
 * A node changing size (a badge or a row appearing during the run) refits only when something no longer
 * fits: the reply loops around a taller node move and could leave the view, but a node growing inside it
 * must not make the whole view jump (zoom and pan) in front of the room.
 */
export function useRefitOnResize(box: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const last = new WeakMap<Element, string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let boxChanged = false;
    // Decided once the sizes have settled, when the edges have followed the nodes: is anything out of view?
    const settle = () => {
      if (boxChanged || !contentFits(el)) requestFitView();
      boxChanged = false;
    };
    const observer = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const size = `${Math.round(entry.contentRect.width)}x${Math.round(entry.contentRect.height)}`;
        if (last.get(entry.target) === size) continue;
        changed = true;
        if (entry.target === el) boxChanged = true;
        last.set(entry.target, size);
      }
      if (!changed) return;
      clearTimeout(timer);
      timer = setTimeout(settle, SETTLE_MS);
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
