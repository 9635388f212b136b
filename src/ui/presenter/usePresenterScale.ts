import { useEffect, useMemo, useState, type CSSProperties, type RefObject } from 'react';
import { setFlowXScale } from '../canvas/flowStore';
import { useDocumentStore } from '../document/documentStore';
import { requestFitView } from '../view/fitView';
import { presenterScale, type MeasureText } from './presenterScale';

/** The canvas box's size, followed as it changes (a projector's new resolution, the strip below growing). */
function useBoxSize(box: RefObject<HTMLElement | null>): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const next = { width: Math.round(el.clientWidth), height: Math.round(el.clientHeight) };
      setSize((s) => (s && s.width === next.width && s.height === next.height ? s : next));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [box]);
  return size;
}

/** A name piece's width at 1 px in the nodes' bold type, as this browser draws it. */
function browserMeasure(): MeasureText {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (text) => text.length * 0.6;
  ctx.font = `700 100px ${getComputedStyle(document.body).fontFamily}`;
  return (text) => ctx.measureText(text).width / 100;
}

/**
 * The presenter's spread, name and figure size for the document on this canvas (presenterScale.ts): spreads the
 * drawn columns while mounted (the editor draws the document's own positions again after), refits the view
 * when they change, and returns the CSS variables presenter.css sizes the nodes, their names and their figures with (the edge labels follow the
 * zoom on screen: usePresenterLabelType.ts).
 * `padding`: the fit's padding, px (left + right, top + bottom).
 */
export function usePresenterScale(box: RefObject<HTMLElement | null>, padding: { x: number; y: number }, maxZoom: number): CSSProperties {
  const size = useBoxSize(box);
  const nodes = useDocumentStore((s) => s.scenario.nodes);
  const measure = useMemo(() => browserMeasure(), []);
  const scale = useMemo(() => presenterScale(nodes.map((n) => ({ ...n.position, name: n.label || n.id, kind: n.kind })),
    { width: (size?.width ?? 0) - padding.x, height: (size?.height ?? 0) - padding.y, maxZoom }, measure), [nodes, size, padding.x, padding.y, maxZoom, measure]);
  useEffect(() => {
    setFlowXScale(scale.stretch);
    requestFitView();
  }, [scale.stretch, scale.namePx, scale.figurePx]);
  useEffect(() => () => setFlowXScale(1), []);
  return { '--presenter-stretch': scale.stretch, '--presenter-name-px': `${scale.namePx}px`, '--presenter-figure-px': `${scale.figurePx}px` } as CSSProperties;
}
